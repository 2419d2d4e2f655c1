package io.wenzheng.routing.decision;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.routing.classifier.Classification;
import io.wenzheng.routing.classifier.CategoryModel;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.wenzheng.kit.security.Caller;
import jakarta.inject.Inject;
import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "routing")
public class RoutingResource {
    @Inject
    Caller caller;
    @Inject
    CategoryModel classifier;

    public record TextInput(String subject, @NotBlank String text) {
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/classify")
    @Operation(summary = "Classify a text without routing it")
    public Classification classify(@Valid @NotNull TextInput input) {
        return classifier.classify(input.subject(), input.text());
    }
    @Inject
    io.wenzheng.routing.directory.DirectoryCache directory;
    @Inject
    io.wenzheng.routing.classifier.OnlineLearning learning;
    @Inject
    io.wenzheng.routing.classifier.SubcategoryLexicon subcategories;

    /**
     * @param minConfidence below it a petition waits for an operator
     * @param confirmBelow below it the console asks the operator to confirm where accepting would send it
     */
    public record ModelInfo(List<String> categories, int features, long correctionsLearned, double minConfidence, double confirmBelow) {
    }

    @Inject
    io.wenzheng.routing.RoutingConfig config;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    @Path("/model")
    @Operation(summary = "The category model in use: its categories, vocabulary size and operator corrections learned since start-up")
    public ModelInfo model() {
        return new ModelInfo(classifier.categories(), classifier.featureCount(), learning.learned(), config.minConfidence(), config.confirmBelow());
    }

    /** What routing would decide for a text, and why. */
    /** @param subcategory the level-2 category the text names under {@code category}, with the cues that named it; null when none */
    public record Explanation(Classification classification, String outcome, String category, String unitCode,
                              String unitName, double confidence, String rule, List<String> matchedTerms, String reason,
                              io.wenzheng.routing.classifier.SubcategoryLexicon.Subcategory subcategory) {
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/explain")
    @Operation(summary = "Explain the routing decision for any text, without creating a petition")
    public Uni<Explanation> explain(@jakarta.ws.rs.QueryParam("text") String text,
                                    @jakarta.ws.rs.QueryParam("subject") String subject,
                                    @jakarta.ws.rs.QueryParam("address") String address,
                                    @jakarta.ws.rs.QueryParam("latitude") Double latitude,
                                    @jakarta.ws.rs.QueryParam("longitude") Double longitude) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("text", "must not be blank");
        }
        Classification classification = classifier.classify(subject, text);
        if ((latitude == null) != (longitude == null)) {
            throw ProblemException.invalid(latitude == null ? "latitude" : "longitude", "give both coordinates or neither");
        }
        PlaceClues place = PlaceClues.of(subject, text, address, latitude, longitude);
        return Panache.withSession(() -> directory.current()
                        .map(snapshot -> new Router(config.minConfidence()).route(classification, place, snapshot.units(), snapshot.rules())))
                .map(decision -> decision instanceof RoutingDecision.Routed r
                        ? new Explanation(classification, "ROUTED", r.category(), r.unit().code(), r.unit().name(), r.confidence(),
                                r.rule(), r.matchedTerms(), r.reason(), level2(r.category(), subject, text))
                        : new Explanation(classification, "TRIAGE", ((RoutingDecision.Triage) decision).suggestedCategory(), null, null,
                                decision.confidence(), null, List.of(), decision.reason(),
                                level2(((RoutingDecision.Triage) decision).suggestedCategory(), subject, text)));
    }

    private io.wenzheng.routing.classifier.SubcategoryLexicon.Subcategory level2(String category, String subject, String text) {
        return category == null ? null : subcategories.match(category, (subject == null ? "" : subject) + " " + text).orElse(null);
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.UNIT_STAFF, Roles.ADMIN})
    @Path("/decisions/{petitionId}")
    @Operation(summary = "Why a petition went where it went")
    public Uni<DecisionRow> decision(@PathParam("petitionId") String petitionId) {
        var sight = caller.sight();
        return Panache.withSession(() -> DecisionRow.<DecisionRow>findById(petitionId))
                .onItem().ifNotNull().transform(d -> sight.allows(d.unitCode, d.supervisingUnits) ? d : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("routing decision for " + petitionId));
    }
}
