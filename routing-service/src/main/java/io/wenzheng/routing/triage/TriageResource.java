package io.wenzheng.routing.triage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.kit.problem.Problem;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.routing.classifier.CategoryModel;
import io.wenzheng.routing.classifier.Classification;
import io.wenzheng.routing.decision.DecisionRow;
import io.wenzheng.routing.decision.Router;
import io.wenzheng.routing.decision.RoutingDecision;
import io.wenzheng.routing.decision.PlaceClues;
import io.wenzheng.routing.directory.RoutingRule;
import io.wenzheng.routing.directory.Unit;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/triage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "triage")
public class TriageResource {
    /** The service's clock ({@code kit.time.ServiceClock}): the system clock, or a test profile's. */
    @jakarta.inject.Inject
    java.time.Clock clock;
    @Inject
    CategoryModel model;
    @Inject
    io.wenzheng.routing.classifier.OnlineLearning learning;
    @Inject
    Outbox outbox;
    @Inject
    io.wenzheng.routing.directory.DirectoryCache directory;
    @Inject
    io.wenzheng.routing.classifier.SubcategoryLexicon subcategories;

    /** An operator's decision: the category, and optionally the unit (otherwise routing picks it for the category). */
    public record Decision(@NotBlank String category, String unitCode) {
    }

    /** Spam or invalid: the petition ends here. */
    public record Rejection(@NotNull io.wenzheng.contracts.PetitionRejected.RejectionReason reason,
                            @jakarta.validation.constraints.Size(max = 2000) String note) {
    }

    /** A repeat of an earlier petition, which carries on in its place. */
    public record Merge(@NotBlank @jakarta.validation.constraints.Pattern(regexp = "[0-9A-HJKMNP-TV-Z]{26}") String originalId,
                        @jakarta.validation.constraints.Size(max = 2000) String note) {
    }

    /**
     * A case as the operator's card shows it.
     *
     * @param why what must be decided ({@link RoutingDecision.Why}); the console words it in the reader's language
     * @param words the petition's words behind the suggestion, strongest first
     * @param proposedUnit the unit routing would choose for the suggested category; accepting sends it there
     * @param handBacks for a case that bounced, which units handed it back and why, oldest first
     */
    public record QueuedCase(String petitionId, String trackingCode, String subject, String body, String address,
                             String suggestedCategory, String suggestedSubcategory, double confidence, String why,
                             List<String> words, UnitName proposedUnit, List<Returned> handBacks, boolean supervisor,
                             Instant createdAt, String reason) {
    }

    public record UnitName(String code, String name) {
    }

    public record Returned(String unitCode, String reason, Instant returnedAt) {
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "The operator queue: open triage cases, oldest first, each with why it waits and where accepting would send it")
    public Uni<List<QueuedCase>> queue() {
        return Panache.withSession(() -> TriageCase.<TriageCase>list("status = ?1 order by createdAt", TriageCase.Status.OPEN)
                .chain(cases -> {
                    List<String> bounced = cases.stream().filter(c -> c.supervisor).map(c -> c.petitionId).toList();
                    Uni<List<io.wenzheng.routing.handback.HandBack>> returns = bounced.isEmpty() ? Uni.createFrom().item(List.of())
                            : io.wenzheng.routing.handback.HandBack.list("petitionId in ?1 order by returnedAt", bounced);
                    return returns.chain(handBacks -> directory.current().map(snapshot -> cases.stream().map(c -> new QueuedCase(
                            c.petitionId, c.trackingCode, c.subject, c.body, c.address, c.suggestedCategory, c.suggestedSubcategory,
                            c.confidence, c.why, c.evidence == null || c.evidence.isEmpty() ? List.of() : List.of(c.evidence.split("\n")),
                            proposedUnit(c, snapshot.units(), snapshot.rules()),
                            handBacks.stream().filter(h -> h.petitionId.equals(c.petitionId))
                                    .map(h -> new Returned(h.unitCode, h.reason, h.returnedAt)).toList(),
                            c.supervisor, c.createdAt, c.reason)).toList()));
                }));
    }

    private static UnitName proposedUnit(TriageCase c, List<Unit> units, List<RoutingRule> rules) {
        if (c.suggestedCategory == null) {
            return null;
        }
        PlaceClues place = PlaceClues.of(c.subject, c.body, c.address, null, null);
        RoutingDecision routed = new Router(0).route(new Classification(c.suggestedCategory, 1.0, List.of()), place, units, rules);
        return routed instanceof RoutingDecision.Routed r ? new UnitName(r.unit().code(), r.unit().name()) : null;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{petitionId}/decision")
    @Operation(summary = "Route a triage case as the operator decided; the decision also becomes a labelled example")
    public Uni<Map<String, String>> decide(@PathParam("petitionId") String petitionId, @Valid @NotNull Decision decision) {
        if (!model.categories().contains(decision.category())) {
            throw ProblemException.invalid("category", "must be one of " + model.categories());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LabelledExample[] taught = new LabelledExample[1];
        return Panache.withTransaction(() -> openCase(petitionId)
                .chain(triage -> {
                    return directory.current().chain(snapshot -> {
                        OperatorRouting outcome = OperatorRouting.decide(
                                new OperatorRouting.Petition(petitionId, triage.subject, triage.body, triage.address),
                                decision.category(), decision.unitCode(), snapshot.units(), snapshot.rules(), subcategories, now);
                        if (outcome instanceof OperatorRouting.Refused refused) {
                            throw ProblemException.invalid(refused.field(), refused.detail());
                        }
                        OperatorRouting.Routed operator = (OperatorRouting.Routed) outcome;
                        Unit unit = operator.unit();
                        String reason = operator.reason();
                        PetitionRouted routed = operator.event();
                        triage.status = TriageCase.Status.DECIDED;
                        triage.decidedCategory = decision.category();
                        triage.decidedUnit = unit.code();
                        triage.decidedAt = now;
                        LabelledExample example = new LabelledExample();
                        taught[0] = example;
                        example.petitionId = petitionId;
                        example.subject = triage.subject;
                        example.body = triage.body;
                        example.category = decision.category();
                        example.source = "operator";
                        example.labelledAt = now;
                        return example.persist()
                                .chain(() -> DecisionRow.<DecisionRow>findById(petitionId))
                                .invoke(row -> {
                                    if (row != null) {
                                        row.outcome = "ROUTED";
                                        row.category = decision.category();
                                        row.unitCode = unit.code();
                                        row.supervisingUnits = io.wenzheng.kit.security.Sight.encode(routed.supervisingUnits());
                                        row.confidence = 1.0;
                                        row.reason = reason;
                                        row.decidedAt = now;
                                    }
                                })
                                .chain(() -> io.wenzheng.routing.decision.PetitionRouting.announceRouted(outbox, routed, now))
                                .replaceWith(Map.of("petitionId", petitionId, "category", decision.category(), "unitCode", unit.code()));
                    });
                })).invoke(() -> learning.learn(taught[0]));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{petitionId}/rejection")
    @Operation(summary = "Reject a triage case as spam or invalid, with a reason; the petition ends and its clocks stop")
    public Uni<Map<String, String>> reject(@PathParam("petitionId") String petitionId, @Valid @NotNull Rejection rejection) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return close(petitionId, triage -> Uni.createFrom().item(TriageClosing.reject(triage, rejection.reason(), rejection.note(), now)), now)
                .replaceWith(Map.of("petitionId", petitionId, "rejected", rejection.reason().name()));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{petitionId}/merge")
    @Operation(summary = "Merge a triage case into the earlier petition it repeats; the petition ends and its clocks stop")
    public Uni<Map<String, String>> merge(@PathParam("petitionId") String petitionId, @Valid @NotNull Merge merge) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return close(petitionId, triage -> DecisionRow.<DecisionRow>findById(merge.originalId())
                        .map(original -> TriageClosing.merge(triage, merge.originalId(), original != null, merge.note(), now)), now)
                .replaceWith(Map.of("petitionId", petitionId, "mergedInto", merge.originalId()));
    }

    /**
     * Ends a triage case as the closing decides: the case, the decision row and the event commit together. 404 when
     * there is no case, 409 when someone decided it already, 400 when the request cannot be carried out.
     */
    private Uni<Void> close(String petitionId, java.util.function.Function<TriageClosing.Case, Uni<TriageClosing>> decide, Instant now) {
        return Panache.withTransaction(() -> TriageCase.<TriageCase>findById(petitionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .chain(triage -> {
                    if (triage == null) {
                        throw ProblemException.notFound("triage case " + petitionId);
                    }
                    return decide.apply(new TriageClosing.Case(petitionId, triage.status, triage.decidedAt)).chain(outcome -> {
                        if (outcome instanceof TriageClosing.Refused refused) {
                            throw ProblemException.invalid(refused.field(), refused.detail());
                        }
                        if (outcome instanceof TriageClosing.AlreadyDecided decided) {
                            throw alreadyDecided(petitionId, decided.status(), decided.decidedAt());
                        }
                        TriageClosing.Closed closed = (TriageClosing.Closed) outcome;
                        triage.status = closed.status();
                        triage.decidedAt = now;
                        return DecisionRow.<DecisionRow>findById(petitionId)
                                .invoke(row -> {
                                    if (row != null) {
                                        row.outcome = closed.status().name();
                                        row.reason = closed.recordedReason();
                                        row.decidedAt = now;
                                    }
                                })
                                .chain(() -> outbox.append(closed.event(), now))
                                .replaceWithVoid();
                    });
                }));
    }

    private static ProblemException alreadyDecided(String petitionId, TriageCase.Status status, Instant decidedAt) {
        return new ProblemException(Problem.of(409, "Already decided",
                "triage case " + petitionId + " was " + status.name().toLowerCase() + " at " + decidedAt));
    }

    /** The case, locked for this decision; 404 when there is none, 409 when someone decided it already. */
    private static Uni<TriageCase> openCase(String petitionId) {
        return TriageCase.<TriageCase>findById(petitionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).invoke(triage -> {
            if (triage == null) {
                throw ProblemException.notFound("triage case " + petitionId);
            }
            if (triage.status != TriageCase.Status.OPEN) {
                throw alreadyDecided(petitionId, triage.status, triage.decidedAt);
            }
        });
    }
}
