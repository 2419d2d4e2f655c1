package io.wenzheng.analytics.stats;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.analytics.measure.Dimension;
import io.wenzheng.analytics.measure.Grain;
import io.wenzheng.analytics.measure.NativeSql;
import io.wenzheng.analytics.wiring.AnalyticsConfig;
import jakarta.inject.Inject;
import java.time.LocalDate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Questions about petitions still open: the backlog by age and the SLA board. */
@ApplicationScoped
public class OpenCases {
    /** The service's clock ({@code kit.time.ServiceClock}): the system clock, or a test profile's. */
    @jakarta.inject.Inject
    java.time.Clock clock;
    private final AnalyticsConfig config;

    @Inject
    public OpenCases(AnalyticsConfig config) {
        this.config = config;
    }

    private static final String OPEN = "status not in ('RESOLVED', 'CLOSED', 'MERGED', 'REJECTED')";

    /** A case as people see it: tracking code, title and unit name; the petition id only for links. */
    public record UrgentCase(String petitionId, String trackingCode, String title, String unitCode, String unitName, String category,
                             Instant receivedAt, Instant firstResponseDue, String slaState, int escalationLevel) {
    }

    public record SlaStatus(long dueWithinHour, long breachedOpen, long escalatedOpen, List<UrgentCase> mostUrgent, Instant asOf) {
    }

    /**
     * Open petitions by the age of their day of receipt, in the city's zone: received today, 1–3 days ago, 3–7, 7–30,
     * and more. Summed from the pre-aggregated {@code open} counters, so the cost does not grow with the backlog.
     */
    public Uni<Map<String, Long>> backlogByAge(String unit, String district) {
        Map<String, Object> parameters = new HashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        parameters.put("today", today);
        parameters.put("d3", today.minusDays(3));
        parameters.put("d7", today.minusDays(7));
        parameters.put("d30", today.minusDays(30));
        String sql = "select case when day >= :today then 'under1d' when day >= :d3 then 'd1to3' when day >= :d7 then 'd3to7' "
                + "when day >= :d30 then 'd7to30' else 'over30d' end, sum(open) from daily_measure where "
                + grainScope(unit, district, parameters) + " and open <> 0 group by 1";
        return Panache.withSession(() -> NativeSql.rows(sql, parameters)).map(rows -> {
            Map<String, Long> buckets = new LinkedHashMap<>();
            for (String b : List.of("under1d", "d1to3", "d3to7", "d7to30", "over30d")) {
                buckets.put(b, 0L);
            }
            rows.forEach(r -> buckets.put((String) r[0], ((Number) r[1]).longValue()));
            return buckets;
        });
    }

    /**
     * The counts come from the pre-aggregated counters; "due within the hour" and the most urgent cases come from the
     * fact rows through partial indexes on open, running or breached petitions, which stay few however many are done.
     */
    public Uni<SlaStatus> slaStatus(String unit, String district) {
        Map<String, Object> totals = new HashMap<>();
        String counts = "select coalesce(sum(open_breached), 0), coalesce(sum(open_escalated), 0) from daily_measure where "
                + grainScope(unit, district, totals);
        Map<String, Object> parameters = new HashMap<>();
        String scope = scope(unit, district, parameters);
        // A clock's event can be folded before the petition's receipt (another topic): until the receipt is known the
        // case has no code or title to show, and the counters do not count it either.
        String due = "select count(*) from petition_fact where sla_state = 'RUNNING' and " + OPEN
                + " and received_at is not null and first_response_due < now() + interval '1 hour'" + scope;
        String urgent = "sla_state in ('RUNNING', 'BREACHED') and received_at is not null and " + OPEN + scope
                + " order by first_response_due limit 20";
        return Panache.withSession(() -> NativeSql.rows(counts, totals).chain(c -> NativeSql.rows(due, parameters)
                .chain(d -> cases(urgent, parameters).map(cases -> new SlaStatus(((Number) d.get(0)[0]).longValue(),
                        ((Number) c.get(0)[0]).longValue(), ((Number) c.get(0)[1]).longValue(), cases, clock.instant())))));
    }

    /** Escalated or breached petitions received in [from, to), worst first: a report's notable cases. */
    public Uni<List<UrgentCase>> notable(Instant from, Instant to) {
        return Panache.withSession(() -> cases("received_at >= :from and received_at < :to "
                + "and (escalation_level > 0 or sla_state = 'BREACHED') order by escalation_level desc, received_at limit 10",
                Map.of("from", from, "to", to)));
    }

    private static Uni<List<UrgentCase>> cases(String whereAndOrder, Map<String, Object> parameters) {
        String sql = "select petition_id, tracking_code, title, unit_code, unit_name, category, received_at, first_response_due, "
                + "sla_state, escalation_level from petition_fact where " + whereAndOrder;
        return NativeSql.rows(sql, parameters).map(rows -> rows.stream().map(r -> new UrgentCase((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], instant(r[6]), instant(r[7]), (String) r[8],
                ((Number) r[9]).intValue())).toList());
    }

    /** The coarsest grain of the counters that can answer for a unit or a district. */
    private static String grainScope(String unit, String district, Map<String, Object> parameters) {
        java.util.Set<Dimension> needed = java.util.EnumSet.noneOf(Dimension.class);
        if (unit != null && !unit.isBlank()) {
            needed.add(Dimension.UNIT);
        }
        if (district != null && !district.isBlank()) {
            needed.add(Dimension.DISTRICT);
        }
        parameters.put("grain", Grain.coarsestFor(needed).code());
        return "grain = :grain" + scope(unit, district, parameters);
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

    private static Instant instant(Object value) {
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
