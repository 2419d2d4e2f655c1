package io.wenzheng.intake.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.intake.petition.PetitionIds;
import io.wenzheng.intake.petition.PetitionRow;
import io.wenzheng.kit.audit.AuditFilter;
import io.wenzheng.kit.audit.AuditLog;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Caller;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reveals a petition's sealed contact data (and its text as written, when identifiers were taken out) to staff who
 * need to call the citizen back. Each reveal is written to the audit log before the data leaves; if that write
 * fails, nothing is revealed.
 */
@Path("/api/v1/petitions/{id}/contact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "petitions")
public class ContactResource {
    @Inject
    ContactVault vault;
    @Inject
    Caller caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditLog audit;
    @Inject
    HttpServerRequest http;

    public record Contact(String name, String phone, String platformId, String originalSubject, String originalText) {
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.UNIT_STAFF})
    @Operation(summary = "Reveal the citizen's contact data; audited")
    @APIResponse(responseCode = "404", description = "no such petition, or not one of the caller's unit")
    public Uni<Contact> reveal(@PathParam("id") String id) {
        if (!PetitionIds.isValid(id)) {
            throw ProblemException.notFound("petition " + id);
        }
        var sight = caller.sight();
        return Panache.withSession(() -> PetitionRow.<PetitionRow>findById(id))
                .chain(row -> {
                    if (row == null || !sight.allows(row.unitCode, row.supervisingUnits)) {
                        throw ProblemException.notFound("petition " + id);
                    }
                    Contact contact = row.contactSealed == null ? new Contact(null, null, null, null, null) : open(row.contactSealed);
                    return audit.append(AuditFilter.entry(identity, "REVEAL contact", id, 200, http)).replaceWith(contact);
                });
    }

    private Contact open(String sealed) {
        try {
            JsonNode c = EventJson.mapper().readTree(vault.decrypt(sealed));
            return new Contact(text(c, "name"), text(c, "phone"), text(c, "platformId"), text(c, "originalSubject"), text(c, "originalText"));
        } catch (IOException e) {
            throw new IllegalStateException("sealed contact data is not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
