package io.wenzheng.intake.casework;

import io.smallrye.mutiny.Uni;
import io.wenzheng.intake.petition.PetitionIds;
import io.wenzheng.intake.petition.PlainText;
import io.wenzheng.intake.petition.PetitionView;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Caller;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The unit's steps on a petition, and the citizen's answer. Each answers 202 with the petition as it now stands. */
@Path("/api/v1/petitions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "casework")
@APIResponse(responseCode = "202", description = "done; the event is on its way")
@APIResponse(responseCode = "400", description = "invalid input, as application/problem+json naming the field")
@APIResponse(responseCode = "404", description = "no such petition")
@APIResponse(responseCode = "409", description = "the petition is not with that unit, or its status does not allow this step")
@RolesAllowed(Roles.UNIT_STAFF)
public class CaseworkResource {
    @Inject
    Casework casework;
    @Inject
    Caller caller;

    public record UnitMessage(@NotBlank String unitCode, @NotBlank @Size(max = 4000) String message) {
    }

    public record HandBackReason(@NotBlank String unitCode, @NotBlank @Size(max = 2000) String reason) {
    }

    public record UnitOnly(@NotBlank String unitCode) {
    }

    public record CitizenMessage(@NotBlank @Size(max = 4000) String message) {
    }

    @POST
    @Path("/acceptance")
    @Operation(summary = "签收: the unit signs for the petition and takes it on")
    public Uni<Response> signFor(@PathParam("id") String id, @Valid @NotNull UnitOnly body) {
        return act(id, new CaseAction.SignFor(body.unitCode()));
    }

    @POST
    @Path("/hand-back")
    @Operation(summary = "回退: the unit hands the petition back with a reason; routing tries again")
    public Uni<Response> handBack(@PathParam("id") String id, @Valid @NotNull HandBackReason body) {
        return act(id, new CaseAction.HandBack(body.unitCode(), PlainText.clean(body.reason()).strip()));
    }

    @POST
    @Path("/responses")
    @Operation(summary = "The unit's first response to the citizen; stops the first-response clock")
    public Uni<Response> respond(@PathParam("id") String id, @Valid @NotNull UnitMessage body) {
        return act(id, new CaseAction.Respond(body.unitCode(), PlainText.clean(body.message()).strip()));
    }

    @POST
    @Path("/progress-reports")
    @Operation(summary = "进展: a progress update; restarts the progress clock")
    public Uni<Response> reportProgress(@PathParam("id") String id, @Valid @NotNull UnitMessage body) {
        return act(id, new CaseAction.ReportProgress(body.unitCode(), PlainText.clean(body.message()).strip()));
    }

    @POST
    @Path("/questions")
    @Operation(summary = "The unit asks the citizen for something; the resolution clock may pause until the answer")
    public Uni<Response> ask(@PathParam("id") String id, @Valid @NotNull UnitMessage body) {
        return act(id, new CaseAction.AskCitizen(body.unitCode(), PlainText.clean(body.message()).strip()));
    }

    @POST
    @Path("/citizen-replies")
    @Operation(summary = "The citizen answers the unit's question; paused clocks run again")
    @RolesAllowed({Roles.OPERATOR, Roles.UNIT_STAFF})
    public Uni<Response> citizenReply(@PathParam("id") String id, @Valid @NotNull CitizenMessage body) {
        return act(id, new CaseAction.CitizenAnswer(PlainText.clean(body.message()).strip()));
    }

    @POST
    @Path("/resolution")
    @Operation(summary = "办结: the unit resolves the petition, with a summary for the citizen")
    public Uni<Response> resolve(@PathParam("id") String id, @Valid @NotNull UnitMessage body) {
        return act(id, new CaseAction.Resolve(body.unitCode(), PlainText.clean(body.message()).strip()));
    }

    /** The citizen's rating (满意度), from 1 to 5; {@code reopen} with an unsatisfied rating sends the case back (重办). */
    public record Rating(@Min(1) @Max(5) int rating, @Size(max = 2000) String comment, boolean reopen) {
    }

    @POST
    @Path("/rating")
    @Operation(summary = "满意度回访: records the citizen's rating of a resolved petition and closes it; an unsatisfied "
            + "citizen (rating 1-3) may ask to reopen it (重办)")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> rate(@PathParam("id") String id, @Valid @NotNull Rating body) {
        if (!PetitionIds.isValid(id)) {
            throw ProblemException.notFound("petition " + id);
        }
        return casework.rate(id, body).map((PetitionView view) -> Response.accepted(view).build());
    }

    @POST
    @Path("/reply-retries")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send the replies that never reached the citizen again, from the first attempt")
    public Uni<Response> retryReplies(@PathParam("id") String id) {
        if (!PetitionIds.isValid(id)) {
            throw ProblemException.notFound("petition " + id);
        }
        return casework.retryReplies(id, caller.sight()).map((PetitionView view) -> Response.accepted(view).build());
    }

    private Uni<Response> act(String id, CaseAction action) {
        if (!PetitionIds.isValid(id)) {
            throw ProblemException.notFound("petition " + id);
        }
        if (action.unitCode() != null) {
            caller.requireActingFor(action.unitCode());
        }
        return casework.act(id, action, caller.sight()).map((PetitionView view) -> Response.accepted(view).build());
    }
}
