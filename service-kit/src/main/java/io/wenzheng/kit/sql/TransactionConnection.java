package io.wenzheng.kit.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * The connection of the current transaction, for the suite's own statements, which need none of Hibernate's query
 * machinery. Either a transaction begun on the pool by {@link #inTransaction} (a batch consumer that needs no entity),
 * or the current Panache session's, flushed first so that a statement sees the entities persisted before it, as
 * Hibernate's native queries did.
 */
public final class TransactionConnection {
    private static final String POOLED = TransactionConnection.class.getName() + ".pooled";

    private TransactionConnection() {
    }

    /** What the suite's statements need of a connection: {@code $n} parameters, and rows as arrays of column values. */
    public interface Statements {
        Uni<Integer> update(String sql, Object[] values);

        Uni<List<Object[]>> select(String sql, Object[] values);
    }

    /**
     * Runs {@code work} in one transaction on the pool, without a Hibernate session: every statement of the kit's
     * ({@link MultiRowStatement}, {@link #select}, {@link #update}) inside it runs on this transaction's connection. It
     * commits when the work's result arrives and rolls back when it fails. The work must not use Panache: a session
     * would open a transaction of its own beside this one.
     */
    public static <T> Uni<T> inTransaction(Pool pool, Supplier<Uni<T>> work) {
        return pool.withTransaction(connection -> {
            // The pool answers on the caller's duplicated context, so the work's statements find the connection there.
            ContextLocals.put(POOLED, connection);
            return Uni.createFrom().<T>deferred(work::get).eventually(() -> ContextLocals.remove(POOLED));
        });
    }

    /** The statements of the transaction in progress: the pool's of {@link #inTransaction}, else the Panache session's. */
    public static Uni<Statements> current() {
        Optional<SqlConnection> pooled = pooled();
        if (pooled.isPresent()) {
            return Uni.createFrom().item(new Pooled(pooled.get()));
        }
        return Panache.getSession().chain(session -> {
            if (!(session instanceof MutinySessionImpl hibernate)) {
                // Hibernate Reactive's own session class: a new version that changes it fails every batch test at once.
                return Uni.createFrom().failure(new IllegalStateException("not Hibernate Reactive's session: " + session.getClass()));
            }
            return session.flush().replaceWith(() -> new Hibernate(hibernate.getReactiveConnection()));
        });
    }

    /** Rows of a select with {@code $n} parameters, in the transaction in progress. */
    public static Uni<List<Object[]>> select(String sql, Object... values) {
        return current().chain(statements -> statements.select(sql, bindable(values)));
    }

    /** Runs a statement with {@code $n} parameters in the transaction in progress; answers how many rows it changed. */
    public static Uni<Integer> update(String sql, Object... values) {
        return current().chain(statements -> statements.update(sql, bindable(values)));
    }

    private static Object[] bindable(Object[] values) {
        Object[] bound = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            bound[i] = Timestamptz.bindable(values[i]);
        }
        return bound;
    }

    private static Optional<SqlConnection> pooled() {
        Context context = Vertx.currentContext();
        return context == null || !VertxContext.isDuplicatedContext(context) ? Optional.empty() : ContextLocals.get(POOLED);
    }

    private record Pooled(SqlConnection connection) implements Statements {
        @Override
        public Uni<Integer> update(String sql, Object[] values) {
            return connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(values))).map(result -> result.rowCount());
        }

        @Override
        public Uni<List<Object[]>> select(String sql, Object[] values) {
            return connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(values))).map(rows -> {
                List<Object[]> out = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    Object[] columns = new Object[row.size()];
                    for (int i = 0; i < columns.length; i++) {
                        columns[i] = row.getValue(i);
                    }
                    out.add(columns);
                }
                return out;
            });
        }
    }

    private record Hibernate(ReactiveConnection connection) implements Statements {
        @Override
        public Uni<Integer> update(String sql, Object[] values) {
            return Uni.createFrom().completionStage(() -> connection.update(sql, values));
        }

        @Override
        public Uni<List<Object[]>> select(String sql, Object[] values) {
            return Uni.createFrom().completionStage(() -> connection.select(sql, values)).map(result -> {
                List<Object[]> out = new ArrayList<>();
                result.forEachRemaining(out::add);
                return out;
            });
        }
    }
}
