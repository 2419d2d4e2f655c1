package io.wenzheng.kit.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;

/**
 * Loads a batch's rows by their keys as managed entities, with the keys bound as one array ({@code = any(?1)}).
 * Hibernate re-interprets a query whose {@code in ?1} list changes size on every run (8.7% of sla's CPU under load
 * went to it); a native statement with one array parameter is the same text every time.
 */
public final class RowsById {
    private RowsById() {
    }

    /**
     * @param sql a native select of the entity's whole rows, with {@code = any(cast(?1 as text[]))} where the keys go,
     *            and its own {@code order by} and {@code for update}
     */
    public static <T> Uni<List<T>> select(Class<T> entity, String sql, Collection<String> keys) {
        return query(entity, sql, keys, false);
    }

    /**
     * As {@link #select}, for a caller that writes its changes with its own statement: the rows are read-only, so the
     * session keeps no copy of them to compare at flush and never writes them itself.
     */
    public static <T> Uni<List<T>> read(Class<T> entity, String sql, Collection<String> keys) {
        return query(entity, sql, keys, true);
    }

    private static <T> Uni<List<T>> query(Class<T> entity, String sql, Collection<String> keys, boolean readOnly) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, entity)
                .setParameter(1, keys.toArray(String[]::new))
                .setReadOnly(readOnly)
                .getResultList());
    }
}
