package io.wenzheng.analytics.stats;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.wenzheng.analytics.measure.Counters;
import io.wenzheng.analytics.measure.MeasureFilter;
import io.wenzheng.analytics.measure.MeasureStore;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.wenzheng.kit.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Live counters for the ops dashboard, pushed over server-sent events. */
@Path("/api/v1/stats/live")
@Tag(name = "statistics")
public class LiveResource {
    @Inject
    Caller caller;
    private static final Duration EVERY = Duration.ofSeconds(2);

    private final MeasureStore store;
    private final OpenCases openCases;
    private final Scorecards scorecards;

    @Inject
    public LiveResource(MeasureStore store, OpenCases openCases, Scorecards scorecards) {
        this.store = store;
        this.openCases = openCases;
        this.scorecards = scorecards;
    }

    public record LiveCounters(long receivedToday, long routedToday, long resolvedToday, long breachedToday,
                               long dueWithinHour, long breachedOpen, long escalatedOpen, Instant asOf) {
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR, Roles.UNIT_STAFF})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Today's counters and the open SLA counts, every two seconds, as server-sent events")
    public Multi<LiveCounters> live(@QueryParam("unit") String requestedUnit, @QueryParam("district") String district) {
        String unit = caller.unitFilter(requestedUnit);
        // The reactive session lives on the Vert.x context of the request; the ticks come back to it.
        Context context = Vertx.currentContext();
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(10)).every(EVERY)
                .onOverflow().drop()
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .onItem().transformToUniAndConcatenate(tick -> snapshot(unit, district));
    }

    Uni<LiveCounters> snapshot(String unit, String district) {
        LocalDate today = scorecards.today();
        MeasureFilter filter = new MeasureFilter(today, today.plusDays(1), unit, district, null, null);
        return store.total(filter).chain(c -> openCases.slaStatus(unit, district).map(sla -> counters(c, sla)));
    }

    private static LiveCounters counters(Counters today, OpenCases.SlaStatus sla) {
        return new LiveCounters(today.received(), today.routed(), today.resolved(), today.firstResponseBreached(),
                sla.dueWithinHour(), sla.breachedOpen(), sla.escalatedOpen(), Instant.now());
    }

}
