package io.wenzheng.analytics.console;

import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.problem.Problem;
import io.wenzheng.kit.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The console's token requests, passed to the realm's token endpoint from the page's own origin. Keycloak allows a
 * browser's cross-origin call only from origins it lists, and a developer's or a test's console runs on any port;
 * going through here needs no CORS at all. Only the console's two grants pass, with only their fields.
 */
@Path("/api/v1/console/token")
@Tag(name = "console")
public class ConsoleTokenResource {
    private static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token");
    private static final List<String> FIELDS = List.of("grant_type", "client_id", "code", "redirect_uri", "code_verifier", "refresh_token");

    @Inject
    @RestClient
    KeycloakTokenEndpoint keycloak;
    @ConfigProperty(name = "wenzheng.console.client-id", defaultValue = "wenzheng-console")
    String clientId;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange the console's authorization code (with its PKCE verifier) or refresh token for tokens")
    public Uni<Response> token(MultivaluedMap<String, String> form) {
        if (!GRANTS.contains(form.getFirst("grant_type"))) {
            throw ProblemException.invalid("grant_type", "authorization_code or refresh_token");
        }
        if (!clientId.equals(form.getFirst("client_id"))) {
            throw ProblemException.invalid("client_id", "only the console's client " + clientId);
        }
        MultivaluedMap<String, String> forward = new MultivaluedHashMap<>();
        for (String field : FIELDS) {
            if (form.getFirst(field) != null) {
                forward.putSingle(field, form.getFirst(field));
            }
        }
        return keycloak.token(forward)
                .map(r -> Response.ok(r.readEntity(String.class), MediaType.APPLICATION_JSON).build())
                .onFailure(WebApplicationException.class).recoverWithItem(e -> refused(((WebApplicationException) e).getResponse()));
    }

    /** Keycloak's OAuth error (an expired code, a revoked refresh token) as a problem document. */
    private static Response refused(Response keycloakAnswer) {
        String body = keycloakAnswer.hasEntity() ? keycloakAnswer.readEntity(String.class) : "";
        int status = keycloakAnswer.getStatus() >= 500 ? 502 : 400;
        return Problem.of(status, status == 502 ? "Identity provider failed" : "Token request refused", body).response();
    }
}
