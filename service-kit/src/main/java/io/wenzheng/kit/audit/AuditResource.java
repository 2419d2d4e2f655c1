package io.wenzheng.kit.audit;

import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Each service's own audit log, for administrators. */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {
    @Inject
    AuditLog log;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Audit entries of this service, newest first: state-changing calls and reveals of contact data")
    public Uni<List<AuditEntry>> find(@QueryParam("actor") String actor, @QueryParam("target") String target,
                                      @QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "between 1 and 1000");
        }
        return log.find(blankToNull(actor), blankToNull(target), instant("from", from), instant("to", to), limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant such as 2026-11-30T08:00:00Z");
        }
    }
}
