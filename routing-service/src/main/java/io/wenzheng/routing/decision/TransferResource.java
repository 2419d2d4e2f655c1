package io.wenzheng.routing.decision;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.PetitionTransferred;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.kit.problem.Problem;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Roles;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/routing/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "routing")
public class TransferResource {
    /** The service's clock ({@code kit.time.ServiceClock}): the system clock, or a test profile's. */
    @jakarta.inject.Inject
    java.time.Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    io.wenzheng.routing.directory.DirectoryCache directory;

    /** 转办: move a petition to another unit, with a reason. */
    public record Transfer(@NotBlank String petitionId, @NotBlank String unitCode, @NotBlank @Size(max = 2000) String reason) {
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "Transfer a petition to another unit (转办); the new unit's feed is told")
    public Uni<PetitionTransferred> transfer(@Valid @NotNull Transfer transfer) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> DecisionRow.<DecisionRow>findById(transfer.petitionId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(decision -> {
                    if (decision == null) {
                        throw ProblemException.notFound("routed petition " + transfer.petitionId());
                    }
                    return directory.current().chain(snapshot -> {
                        TransferDecision outcome = TransferDecision.decide(new TransferDecision.Routed(decision.petitionId, decision.unitCode, decision.category),
                                transfer.unitCode(), transfer.reason(), snapshot.units(), now);
                        if (outcome instanceof TransferDecision.AlreadyThere) {
                            throw new ProblemException(Problem.of(409, "Already there", "petition " + transfer.petitionId()
                                    + " is already with " + decision.unitCode));
                        }
                        if (outcome instanceof TransferDecision.UnknownUnit) {
                            throw ProblemException.invalid("unitCode", "no unit " + transfer.unitCode() + " in the directory");
                        }
                        TransferDecision.Moved moved = (TransferDecision.Moved) outcome;
                        PetitionTransferred event = moved.event();
                        decision.outcome = "ROUTED";
                        decision.unitCode = event.toUnitCode();
                        decision.supervisingUnits = io.wenzheng.kit.security.Sight.encode(event.toSupervisingUnits());
                        decision.reason = moved.recordedReason();
                        decision.decidedAt = now;
                        return outbox.append(event, now).replaceWith(event);
                    });
                }));
    }
}
