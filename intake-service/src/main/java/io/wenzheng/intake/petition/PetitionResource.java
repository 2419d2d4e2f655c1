package io.wenzheng.intake.petition;

import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Caller;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/petitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "petitions")
public class PetitionResource {
    @Inject
    PetitionIntake intake;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Accept a petition", description = "Stores it durably and emits wenzheng.petition.received.v1 through the outbox.")
    @APIResponse(responseCode = "201", description = "accepted; Location names the petition. With an Idempotency-Key header, "
            + "a repeated key returns the petition the first request filed")
    @APIResponse(responseCode = "400", description = "invalid input, as application/problem+json naming the field")
    @APIResponse(responseCode = "503", description = "intake is filing as many petitions as it takes at once; nothing was "
            + "stored. Send it again after the Retry-After header's seconds (with the same Idempotency-Key, if any)")
    public Uni<Response> submit(@Valid @NotNull PetitionSubmission submission,
                                @jakarta.ws.rs.HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to 100 characters");
        }
        // A repeated key is a client retrying: it gets the petition the first request filed.
        var origin = idempotencyKey == null ? null : new io.wenzheng.intake.channel.ChannelOrigin("idempotency-key", idempotencyKey, null);
        return intake.submitOnce(submission, origin, null).map(receipt -> Response
                .created(URI.create("/api/v1/petitions/" + receipt.id()))
                .entity(receipt).build());
    }

    /**
     * One line of a petition list: enough to pick it, no contact data.
     *
     * @param title what people call it: the subject, or the first words of the text (hotline calls have no subject)
     */
    public record PetitionLine(String id, String trackingCode, io.wenzheng.contracts.Channel channel, String subject, String title,
                               io.wenzheng.contracts.PetitionStatus status, String category, String unitCode, String unitName,
                               java.time.Instant receivedAt, java.time.Instant firstResponseDue, boolean overdue) {
        static PetitionLine of(PetitionRow r) {
            return new PetitionLine(r.id, r.trackingCode, r.channel, r.subject, io.wenzheng.contracts.PetitionTitle.of(r.subject, r.text),
                    r.status, r.category, r.unitCode, r.unitName, r.receivedAt, r.firstResponseDue, r.overdue);
        }
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.UNIT_STAFF, Roles.ADMIN})
    @Operation(summary = "Petitions, newest first, filtered by status, unit and tracking code; unit staff see only their own unit's, "
            + "and those of units below theirs where the directory lets their unit see them")
    @APIResponse(responseCode = "403", description = "unit staff asked for another unit")
    public Uni<java.util.List<PetitionLine>> list(@jakarta.ws.rs.QueryParam("status") io.wenzheng.contracts.PetitionStatus status,
                                                  @jakarta.ws.rs.QueryParam("unit") String unit,
                                                  @jakarta.ws.rs.QueryParam("trackingCode") @jakarta.validation.constraints.Size(max = 40) String trackingCode,
                                                  @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "only petitions still being worked (not resolved, closed, merged or rejected)")
                                                  @jakarta.ws.rs.QueryParam("open") @jakarta.ws.rs.DefaultValue("false") boolean open,
                                                  @jakarta.ws.rs.QueryParam("page") @jakarta.ws.rs.DefaultValue("0") @jakarta.validation.constraints.Min(0) int page,
                                                  @jakarta.ws.rs.QueryParam("size") @jakarta.ws.rs.DefaultValue("50") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(500) int size) {
        var sight = caller.sight();
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        String unitFilter = sight.cityWide() ? unit : null;
        if (!sight.cityWide()) {
            // Their own unit's petitions and those of the units below that the directory lets them see; naming
            // another unit is refused rather than answered with an empty list.
            caller.unitFilter(unit); // refuses another unit
            unitFilter = unit == null || unit.isBlank() ? null : unit;
            query.append(" and (unitCode = :own or supervisingUnits like :supervised escape '\\')");
            params.put("own", sight.unit().get());
            params.put("supervised", sight.likePattern());
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (open) {
            query.append(" and status not in :ended");
            params.put("ended", java.util.Arrays.stream(io.wenzheng.contracts.PetitionStatus.values())
                    .filter(s -> !s.open()).toList());
        }
        if (trackingCode != null && !trackingCode.isBlank()) {
            query.append(" and trackingCode = :code");
            params.put("code", trackingCode.strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (unitFilter != null) {
            query.append(" and unitCode = :unit");
            params.put("unit", unitFilter);
        }
        query.append(" order by receivedAt desc");
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> PetitionRow.<PetitionRow>find(query.toString(), params)
                        .page(page, size).list())
                .map(rows -> rows.stream().map(PetitionLine::of).toList());
    }

    /** A petition an operator should look at as a possible repeat of an earlier one. */
    public record PossibleDuplicate(String id, String trackingCode, String possibleDuplicateOf, java.time.Instant receivedAt, String text) {
    }

    @GET
    @Path("/possible-duplicates")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "Petitions that read like an earlier one from the same citizen within a few days, newest first, for an operator to merge")
    public Uni<java.util.List<PossibleDuplicate>> possibleDuplicates() {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> PetitionRow.<PetitionRow>find(
                        "possibleDuplicateOf is not null order by receivedAt desc").page(0, 200).list())
                .map(rows -> rows.stream().map(r -> new PossibleDuplicate(r.id, r.trackingCode, r.possibleDuplicateOf, r.receivedAt, r.text)).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.UNIT_STAFF, Roles.ADMIN})
    @Operation(summary = "A petition with its status, unit, deadline and full event history")
    @APIResponse(responseCode = "404", description = "no such petition")
    public Uni<PetitionView> get(@PathParam("id") String id) {
        if (!PetitionIds.isValid(id)) {
            throw ProblemException.notFound("petition " + id);
        }
        var sight = caller.sight();
        return intake.view(id)
                .onItem().ifNotNull().transform(v -> sight.allows(v.unit() == null ? null : v.unit().code(), v.supervisingUnits()) ? v : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("petition " + id));
    }
}
