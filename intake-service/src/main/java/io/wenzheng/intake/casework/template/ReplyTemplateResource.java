package io.wenzheng.intake.casework.template;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.intake.petition.PlainText;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Caller;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reply templates for the unit workbench. {@code {trackingCode}} and {@code {unitName}} in a body are filled in by
 * whoever uses it. Unit staff see the shared ones and their own unit's, and keep their own unit's; an admin keeps the
 * shared ones.
 */
@Path("/api/v1/reply-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "casework")
public class ReplyTemplateResource {
    @Inject
    Caller caller;

    public record TemplateView(long id, String unitCode, ReplyTemplate.Kind kind, String title, String body) {
        static TemplateView of(ReplyTemplate t) {
            return new TemplateView(t.id, t.unitCode, t.kind, t.title, t.body);
        }
    }

    /** @param unitCode null for a shared template (admin only) */
    public record NewTemplate(String unitCode, @NotNull ReplyTemplate.Kind kind, @NotBlank @Size(max = 100) String title,
                              @NotBlank @Size(max = 4000) String body) {
    }

    @GET
    @RolesAllowed({Roles.UNIT_STAFF, Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The reply templates the caller may use: the shared ones and, for unit staff, their unit's own")
    public Uni<List<TemplateView>> list() {
        Optional<String> unit = caller.scopedUnit();
        return Panache.withSession(() -> (unit.isPresent()
                ? ReplyTemplate.<ReplyTemplate>list("unitCode is null or unitCode = ?1 order by kind, id", unit.get())
                : ReplyTemplate.<ReplyTemplate>list("order by kind, id")))
                .map(rows -> rows.stream().map(TemplateView::of).toList());
    }

    @POST
    @RolesAllowed({Roles.UNIT_STAFF, Roles.ADMIN})
    @Operation(summary = "Keep a new reply template: unit staff for their own unit, an admin for any unit or for everyone")
    public Uni<Response> create(@Valid @NotNull NewTemplate body) {
        Optional<String> unit = caller.scopedUnit();
        if (unit.isPresent() && (body.unitCode() == null || !unit.get().equals(body.unitCode()))) {
            throw ProblemException.forbidden("unit staff keep templates for their own unit only");
        }
        ReplyTemplate t = new ReplyTemplate();
        t.unitCode = body.unitCode() == null || body.unitCode().isBlank() ? null : body.unitCode();
        t.kind = body.kind();
        t.title = PlainText.clean(body.title()).strip();
        t.body = PlainText.clean(body.body()).strip();
        t.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> t.<ReplyTemplate>persist())
                .map(saved -> Response.status(201).entity(TemplateView.of(saved)).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.UNIT_STAFF, Roles.ADMIN})
    @Operation(summary = "Drop a reply template: unit staff only their own unit's")
    public Uni<Response> delete(@PathParam("id") String idText) {
        if (!idText.matches("\\d{1,18}")) {
            throw ProblemException.notFound("reply template " + idText);
        }
        long id = Long.parseLong(idText);
        Optional<String> unit = caller.scopedUnit();
        return Panache.withTransaction(() -> ReplyTemplate.<ReplyTemplate>findById(id).chain(t -> {
            if (t == null || (unit.isPresent() && !unit.get().equals(t.unitCode))) {
                throw ProblemException.notFound("reply template " + id);
            }
            return t.delete();
        })).replaceWith(Response.noContent().build());
    }
}
