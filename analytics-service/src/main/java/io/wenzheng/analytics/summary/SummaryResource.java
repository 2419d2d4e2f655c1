package io.wenzheng.analytics.summary;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
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

    @GET
    @Path("/summary")
    @Operation(summary = "Petition counts by status, channel, category, unit and first-response outcome")
    public Uni<Summary> summary() {
        return Panache.withSession(() -> PetitionFact.count()
                .chain(total -> countBy("status").chain(status -> countBy("channel").chain(channel -> countBy("category")
                        .chain(category -> countBy("unitCode").chain(unit -> countBy("slaState")
                                .map(sla -> new Summary(total, status, channel, category, unit, sla, Instant.now()))))))));
    }

    private static Uni<Map<String, Long>> countBy(String field) {
        return Panache.getSession().chain(session -> session
                .createQuery("select coalesce(cast(f." + field + " as string), 'UNKNOWN'), count(f) from PetitionFact f group by 1",
                        Object[].class)
                .getResultList()
                .map(SummaryResource::toMap));
    }

    private static Map<String, Long> toMap(List<Object[]> rows) {
        Map<String, Long> out = new TreeMap<>();
        rows.forEach(r -> out.merge(String.valueOf(r[0]), ((Number) r[1]).longValue(), Long::sum));
        return out;
    }
}
