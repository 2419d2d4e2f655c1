package io.wenzheng.sla.supervision;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.kit.problem.Problem;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Roles;
import io.wenzheng.sla.timer.DeadlineTimer;
import io.wenzheng.sla.timer.SlaResource;
import io.wenzheng.sla.timer.PledgeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The supervision office's (督查室) two levers on a unit, each on the petition's most urgent open clock: 督办
 * escalation, which puts the clock under the office's own watch, and 催办 chasing, a reminder that leaves the deadline
 * as it is. Both go to the petition's SLA history and to the unit's feed, so that the unit's own system hears them.
 */
// The same root as SlaResource: JAX-RS picks one root class per request, the one with the longest literal path.
@Path("/api/v1/sla")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sla")
@RolesAllowed(Roles.SUPERVISOR)
@APIResponse(responseCode = "404", description = "no clocks for that petition")
@APIResponse(responseCode = "409", description = "no open clock, or already escalated to the supervision office")
public class SupervisionResource {

    @Inject
    java.time.Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    io.wenzheng.sla.timer.TimerPolicy policy;

    public record Note(@NotBlank @Size(max = 2000) String note) {
    }

    @POST
    @Path("/petitions/{petitionId}/escalations")
    @Operation(summary = "督办: the supervision office takes the petition's most urgent open clock under its own watch, with a note")
    public Uni<SlaResource.Clock> escalate(@PathParam("petitionId") String petitionId, @Valid @NotNull Note body) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return act(petitionId, clocks -> SupervisionDecision.escalate(policy, clocks, body.note(), now), (timer, acted) -> timer.take(acted.clock()), now);
    }

    @POST
    @Path("/petitions/{petitionId}/chases")
    @Operation(summary = "催办: remind the unit of the petition's most urgent open clock, with a note; the deadline stays")
    public Uni<SlaResource.Clock> chase(@PathParam("petitionId") String petitionId, @Valid @NotNull Note body) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return act(petitionId, clocks -> SupervisionDecision.chase(clocks, body.note(), now), (timer, acted) -> {
            timer.chases++;
            timer.lastChasedAt = now;
        }, now);
    }

    /** Loads the petition's clocks locked, decides, copies the outcome onto the clock's row and appends the event. */
    private Uni<SlaResource.Clock> act(String petitionId, java.util.function.Function<List<PledgeClock>, SupervisionDecision> decide,
                                       java.util.function.BiConsumer<DeadlineTimer, SupervisionDecision.Acted> record, Instant now) {
        return Panache.withTransaction(() -> DeadlineTimer.<DeadlineTimer>find("petitionId = ?1", petitionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(timers -> {
                    if (timers.isEmpty()) {
                        throw ProblemException.notFound("SLA clocks for petition " + petitionId);
                    }
                    SupervisionDecision outcome = decide.apply(timers.stream().map(DeadlineTimer::clock).toList());
                    if (outcome instanceof SupervisionDecision.NoOpenClock) {
                        throw new ProblemException(Problem.of(409, "No open clock",
                                "petition " + petitionId + " owes nothing any more: every clock is met or cancelled"));
                    }
                    if (outcome instanceof SupervisionDecision.AlreadyEscalated escalated) {
                        throw new ProblemException(Problem.of(409, "Already escalated",
                                "the " + escalated.pledge() + " clock of petition " + petitionId + " is already with the supervision office"));
                    }
                    SupervisionDecision.Acted acted = (SupervisionDecision.Acted) outcome;
                    DeadlineTimer timer = timers.stream().filter(t -> t.pledge == acted.clock().pledge()).findFirst().orElseThrow();
                    record.accept(timer, acted);
                    return outbox.append(acted.event(), now).replaceWith(SlaResource.Clock.of(timer));
                }));
    }
}
