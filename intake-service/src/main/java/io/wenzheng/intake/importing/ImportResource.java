package io.wenzheng.intake.importing;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 历史数据导入: an administrator hands over an earlier system's petitions and follows the import. */
@Path("/api/v1/admin/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports")
@RolesAllowed(Roles.ADMIN)
public class ImportResource {
    @Inject
    HistoryImport imports;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;

    @POST
    @Consumes({"text/tab-separated-values", "application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import historical petitions (TSV with a header, or JSON lines)",
            description = "Every line is checked first: rejected lines are listed with their reasons, the others are imported in time "
                    + "order through the same events as live petitions, each once however often it is sent. Answers 202 with the job; "
                    + "follow it at the Location.")
    public Uni<Response> create(String content) {
        if (content == null || content.isBlank()) {
            throw ProblemException.invalid("body", "the file is empty");
        }
        return imports.create(content, identity.getPrincipal().getName())
                .map(job -> Response.accepted(ImportJobView.of(job, clock.instant()))
                        .location(java.net.URI.create("/api/v1/admin/imports/" + job.id)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One import: counts, progress, rate and the rejected lines with their reasons")
    public Uni<ImportJobView> get(@PathParam("id") String id) {
        return imports.find(id).map(job -> {
            if (job == null) {
                throw ProblemException.notFound("import " + id);
            }
            return ImportJobView.of(job, clock.instant());
        });
    }

    /** Which line became which petition; a line not yet imported has no petition. */
    public record LineView(int line, java.time.Instant receivedAt, String petitionId) {
    }

    @GET
    @Path("/{id}/lines")
    @Operation(summary = "The import's valid new lines in file order, each with the petition it became")
    public Uni<List<LineView>> lines(@PathParam("id") String id,
                                     @jakarta.ws.rs.QueryParam("page") @jakarta.ws.rs.DefaultValue("0") @jakarta.validation.constraints.Min(0) int page,
                                     @jakarta.ws.rs.QueryParam("size") @jakarta.ws.rs.DefaultValue("500") @jakarta.validation.constraints.Min(1)
                                     @jakarta.validation.constraints.Max(5000) int size) {
        return imports.find(id).chain(job -> {
            if (job == null) {
                throw ProblemException.notFound("import " + id);
            }
            return imports.lines(id, page, size);
        }).map(lines -> lines.stream().map(l -> new LineView(l.lineNo, l.receivedAt, l.petitionId)).toList());
    }

    @GET
    @Operation(summary = "The fifty latest imports")
    public Uni<List<ImportJobView>> list() {
        return imports.recent().map(jobs -> jobs.stream().map(j -> ImportJobView.of(j, clock.instant())).toList());
    }
}
