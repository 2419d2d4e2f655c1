package io.wenzheng.sla.timer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.sla.calendar.HolidayData;
import io.wenzheng.sla.pledge.FirstResponsePledge;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "deadlines")
public class DeadlineResource {
    private final FirstResponsePledge pledge = new FirstResponsePledge(HolidayData.defaultCalendar());

    public record DeadlineView(String petitionId, Pledge pledge, TimeBasis timeBasis, String unitCode,
                               Instant startedAt, Instant dueAt, TimerState state, Instant settledAt) {
        static DeadlineView of(DeadlineTimer t) {
            return new DeadlineView(t.petitionId, t.pledge, t.timeBasis, t.unitCode, t.startedAt, t.dueAt, t.state, t.settledAt);
        }
    }

    public record Preview(Instant receivedAt, TimeBasis timeBasis, Instant dueAt) {
    }

    @GET
    @Path("/{petitionId}")
    @Operation(summary = "The pledge timers of one petition")
    public Uni<List<DeadlineView>> of(@PathParam("petitionId") String petitionId) {
        return Panache.withSession(() -> DeadlineTimer.<DeadlineTimer>list("petitionId", petitionId))
                .map(timers -> timers.stream().map(DeadlineView::of).toList())
                .invoke(views -> {
                    if (views.isEmpty()) {
                        throw ProblemException.notFound("deadline for petition " + petitionId);
                    }
                });
    }

    @GET
    @Path("/preview")
    @Operation(summary = "The first-response deadline a petition received at the given instant would get")
    public Preview preview(@QueryParam("receivedAt") String receivedAt) {
        Instant at;
        try {
            at = receivedAt == null ? Instant.now() : Instant.parse(receivedAt);
        } catch (DateTimeParseException e) {
            throw new ProblemException(io.wenzheng.kit.problem.Problem.of(400, "Invalid request",
                    "receivedAt: must be an ISO-8601 instant such as 2026-11-27T02:15:00Z")
                    .with("errors", List.of(java.util.Map.of("field", "receivedAt", "message", "must be an ISO-8601 instant"))));
        }
        FirstResponsePledge.Deadline d = pledge.deadlineFor(at);
        return new Preview(at, d.basis(), d.dueAt());
    }
}
