package io.wenzheng.kit.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * The connection of the current Panache session, on which its transaction runs: for the suite's own batched
 * statements, which need none of Hibernate's query machinery. The session is flushed first, so that a statement sees
 * the entities persisted before it, as Hibernate's native queries did.
 */
public final class TransactionConnection {
    private TransactionConnection() {
    }

    public static Uni<ReactiveConnection> current() {
        return Panache.getSession().chain(session -> {
            if (!(session instanceof MutinySessionImpl hibernate)) {
                // Hibernate Reactive's own session class: a new version that changes it fails every batch test at once.
                return Uni.createFrom().failure(new IllegalStateException("not Hibernate Reactive's session: " + session.getClass()));
            }
            return session.flush().replaceWith(hibernate::getReactiveConnection);
        });
    }
}
