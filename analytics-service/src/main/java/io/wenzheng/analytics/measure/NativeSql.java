package io.wenzheng.analytics.measure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/** Read-model queries are aggregates, not entities: plain SQL with named parameters, in the current session. */
public final class NativeSql {
    private NativeSql() {
    }

    /** Every row as an array, also when the query selects one column (Hibernate then returns the bare value). */
    public static Uni<List<Object[]>> rows(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object.class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(r -> r instanceof Object[] array ? array : new Object[] {r}).toList());
    }
}
