package io.wenzheng.analytics.measure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/** Read-model queries are aggregates, not entities: plain SQL with named parameters, in the current session. */
public final class NativeSql {
    private NativeSql() {
    }

    public static Uni<List<Object[]>> rows(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }
}
