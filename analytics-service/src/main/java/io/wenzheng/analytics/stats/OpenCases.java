package io.wenzheng.analytics.stats;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.analytics.measure.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Questions about petitions still open, answered from the fact rows through their partial indexes. */
@ApplicationScoped
public class OpenCases {
    private static final String OPEN = "status not in ('RESOLVED', 'CLOSED')";

    public record UrgentCase(String petitionId, String unitCode, String category, Instant receivedAt, Instant firstResponseDue,
                             String slaState, int escalationLevel) {
    }

    public record SlaStatus(long dueWithinHour, long breachedOpen, long escalatedOpen, List<UrgentCase> mostUrgent, Instant asOf) {
    }

    public Uni<Map<String, Long>> backlogByAge(String unit, String district) {
        Map<String, Object> parameters = new HashMap<>();
        String sql = "select case when age < interval '1 day' then 'under1d' when age < interval '3 days' then 'd1to3' "
                + "when age < interval '7 days' then 'd3to7' when age < interval '30 days' then 'd7to30' else 'over30d' end, count(*) "
                + "from (select now() - received_at as age from petition_fact where " + OPEN + " and received_at is not null"
                + scope(unit, district, parameters) + ") open group by 1";
        return Panache.withSession(() -> NativeSql.rows(sql, parameters)).map(rows -> {
            Map<String, Long> buckets = new LinkedHashMap<>();
            for (String b : List.of("under1d", "d1to3", "d3to7", "d7to30", "over30d")) {
                buckets.put(b, 0L);
            }
            rows.forEach(r -> buckets.put((String) r[0], ((Number) r[1]).longValue()));
            return buckets;
        });
    }

    public Uni<SlaStatus> slaStatus(String unit, String district) {
        Map<String, Object> parameters = new HashMap<>();
        String scope = scope(unit, district, parameters);
        String counts = "select count(*) filter (where sla_state = 'RUNNING' and first_response_due < now() + interval '1 hour'), "
                + "count(*) filter (where sla_state = 'BREACHED'), count(*) filter (where escalation_level > 0) "
                + "from petition_fact where " + OPEN + scope;
        String urgent = "select petition_id, unit_code, category, received_at, first_response_due, sla_state, escalation_level "
                + "from petition_fact where " + OPEN + " and sla_state in ('RUNNING', 'BREACHED')" + scope
                + " order by (sla_state = 'BREACHED') desc, first_response_due limit 20";
        return Panache.withSession(() -> NativeSql.rows(counts, parameters).chain(c -> NativeSql.rows(urgent, parameters).map(rows -> {
            Object[] n = c.get(0);
            List<UrgentCase> cases = rows.stream().map(r -> new UrgentCase((String) r[0], (String) r[1], (String) r[2],
                    instant(r[3]), instant(r[4]), (String) r[5], ((Number) r[6]).intValue())).toList();
            return new SlaStatus(((Number) n[0]).longValue(), ((Number) n[1]).longValue(), ((Number) n[2]).longValue(), cases,
                    Instant.now());
        })));
    }

    private static String scope(String unit, String district, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (unit != null && !unit.isBlank()) {
            where.append(" and unit_code = :unit");
            parameters.put("unit", unit);
        }
        if (district != null && !district.isBlank()) {
            where.append(" and district_code = :district");
            parameters.put("district", district);
        }
        return where.toString();
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
