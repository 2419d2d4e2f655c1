package io.wenzheng.kit.sql;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A batch's rows by their keys, as plain columns, in the transaction in progress ({@link TransactionConnection}). The
 * keys are bound as one {@code text[]} ({@code = any($1)}), so the statement's text is the same whatever the batch's
 * size. No entity is made of the rows: Hibernate's hydration, and its query-plan cache, which never found a native
 * select's plan again (docs/performance.md, sixth session), stay out of the batch path.
 */
public final class RowsById {
    private RowsById() {
    }

    /**
     * @param sql a select with {@code = any($1)} where the keys go, and its own {@code order by} and {@code for update}
     * @param row makes one row of the select's columns, in their order
     */
    public static <T> Uni<List<T>> select(String sql, Collection<String> keys, Function<Object[], T> row) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return TransactionConnection.select(sql, (Object) keys.toArray(String[]::new)).map(rows -> {
            List<T> out = new ArrayList<>(rows.size());
            rows.forEach(columns -> out.add(row.apply(columns)));
            return out;
        });
    }
}
