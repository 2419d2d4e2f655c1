package io.wenzheng.routing.decision;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.routing.classifier.Classification;
import io.wenzheng.routing.classifier.CategoryModel;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "routing")
public class RoutingResource {
    @Inject
    CategoryModel classifier;

    public record TextInput(String subject, @NotBlank String text) {
    }

    @POST
    @Path("/classify")
    @Operation(summary = "Classify a text without routing it")
    public Classification classify(@Valid @NotNull TextInput input) {
        return classifier.classify(input.subject(), input.text());
    }

    @GET
    @Path("/decisions/{petitionId}")
    @Operation(summary = "Why a petition went where it went")
    public Uni<DecisionRow> decision(@PathParam("petitionId") String petitionId) {
        return Panache.withSession(() -> DecisionRow.<DecisionRow>findById(petitionId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("routing decision for " + petitionId));
    }
}
