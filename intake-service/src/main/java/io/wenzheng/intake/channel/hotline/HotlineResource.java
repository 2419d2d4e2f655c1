package io.wenzheng.intake.channel.hotline;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.Channel;
import io.wenzheng.intake.channel.ChannelOrigin;
import io.wenzheng.intake.petition.PetitionIntake;
import io.wenzheng.intake.petition.PetitionSubmission;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The 12345 hotline: an operator files what a caller said. */
@Path("/api/v1/hotline-calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "channels")
@jakarta.annotation.security.RolesAllowed(io.wenzheng.kit.security.Roles.OPERATOR)
public class HotlineResource {
    @Inject
    PetitionIntake intake;

    /**
     * @param callId the telephony system's id of the call; filing the same call twice returns the first petition
     * @param categoryHint a first-level category the operator is sure of; routing takes it instead of guessing
     */
    public record HotlineCall(
            @NotBlank @Pattern(regexp = "^\\+?[0-9][0-9 -]{4,19}$", message = "must be a phone number") String callerNumber,
            @Size(max = 50) String callerName,
            @NotBlank @Size(max = 10000) String transcript,
            @Size(max = 500) String address,
            @Size(max = 100) String categoryHint,
            @Size(max = 100) String callId) {
    }

    @POST
    @Operation(summary = "File a hotline call as a petition")
    @APIResponse(responseCode = "201", description = "filed; Location names the petition; the caller is told the tracking code")
    @APIResponse(responseCode = "400", description = "invalid input, as application/problem+json naming the field")
    public Uni<Response> file(@Valid @NotNull HotlineCall call) {
        PetitionSubmission submission = new PetitionSubmission(Channel.HOTLINE, null, call.transcript().strip(),
                call.address() == null || call.address().isBlank() ? null : new PetitionSubmission.Place(call.address().strip(), null, null),
                new PetitionSubmission.Contact(call.callerName(), call.callerNumber()));
        ChannelOrigin origin = call.callId() == null || call.callId().isBlank() ? null : new ChannelOrigin("12345", call.callId().strip(), null);
        String hint = call.categoryHint() == null || call.categoryHint().isBlank() ? null : call.categoryHint().strip();
        return intake.submitOnce(submission, origin, hint)
                .map(receipt -> Response.created(URI.create("/api/v1/petitions/" + receipt.id())).entity(receipt).build());
    }
}
