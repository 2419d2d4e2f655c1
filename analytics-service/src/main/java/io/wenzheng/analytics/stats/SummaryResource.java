package io.wenzheng.analytics.stats;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics")
public class SummaryResource {

    /** One statement, so every count in a summary comes from the same snapshot. */
    private static final String SUMMARY_SQL = """
            select 'total', '', count(*) from petition_fact
            union all select 'status', status, count(*) from petition_fact group by status
            union all select 'channel', coalesce(channel, 'UNKNOWN'), count(*) from petition_fact group by channel
            union all select 'category', coalesce(category, 'UNKNOWN'), count(*) from petition_fact group by category
            union all select 'unit', coalesce(unit_code, 'UNKNOWN'), count(*) from petition_fact group by unit_code
            union all select 'firstResponse', coalesce(sla_state, 'UNKNOWN'), count(*) from petition_fact group by sla_state
            """;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/summary")
    @Operation(summary = "Petition counts by status, channel, category, unit and first-response outcome")
    public Uni<Summary> summary() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(SUMMARY_SQL, Object[].class).getResultList()))
                .map(SummaryResource::toSummary);
    }

    private static Summary toSummary(List<Object[]> rows) {
        Map<String, Map<String, Long>> by = new TreeMap<>();
        long total = 0;
        for (Object[] row : rows) {
            String dimension = (String) row[0];
            long count = ((Number) row[2]).longValue();
            if (dimension.equals("total")) {
                total = count;
            } else {
                by.computeIfAbsent(dimension, d -> new TreeMap<>()).put((String) row[1], count);
            }
        }
        return new Summary(total, by.getOrDefault("status", Map.of()), by.getOrDefault("channel", Map.of()),
                by.getOrDefault("category", Map.of()), by.getOrDefault("unit", Map.of()),
                by.getOrDefault("firstResponse", Map.of()), Instant.now());
    }
}
