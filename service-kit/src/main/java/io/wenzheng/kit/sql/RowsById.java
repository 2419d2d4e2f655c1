package io.wenzheng.kit.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;

/**
 * Loads a batch's rows by their keys as entities, with a native select whose keys are bound as a list
 * ({@code in (?1)}). An HQL query with such a list is re-interpreted whenever its size changes (8.7% of sla's CPU under
 * load once went to it). A native select is never found again in Hibernate Reactive 3.2's query-plan cache, whatever
 * its text: each run stored one more copy under the same hash, and each lookup walked them all (4.2% and 6.3% of sla's
 * CPU samples in two profiled runs).
 * A select with a list parameter skips that cache, so the list form is the cheap one here; Hibernate pads the list to a
 * power of two, so PostgreSQL sees a few texts, not one per batch size.
 */
public final class RowsById {
    private RowsById() {
    }

    /**
     * @param sql a native select of the entity's whole rows, with {@code in (?1)} where the keys go, and its own
     *            {@code order by} and {@code for update}
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
                .setParameter(1, List.copyOf(keys))
                .setReadOnly(readOnly)
                .getResultList());
    }
}
