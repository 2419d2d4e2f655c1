package io.wenzheng.analytics.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the console's pages need before they have a token: where they log in (the realm's issuer as browsers reach it,
 * and the public PKCE client) and where each service's API is. Public; it holds nothing secret.
 */
@Path("/api/v1/console/config")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "console")
public class ConsoleConfigResource {
    /**
     * @param issuer null when this service verifies no tokens (service tests, which authenticate in-process)
     * @param apis each service's base URL as browsers reach it; empty when an ingress serves every API on the console's own origin
     */
    public record ConsoleConfig(String issuer, String clientId, Map<String, String> apis) {
    }

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
    boolean identityEnabled;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> serviceIssuer;
    /** The issuer as browsers reach it, when that differs from the in-cluster address the service uses. */
    @ConfigProperty(name = "wenzheng.console.issuer")
    Optional<String> browserIssuer;
    @ConfigProperty(name = "wenzheng.console.client-id", defaultValue = "wenzheng-console")
    String clientId;
    // Unset means the console's own origin; an empty default would count as missing.
    @ConfigProperty(name = "wenzheng.console.api.intake")
    Optional<String> intakeApi;
    @ConfigProperty(name = "wenzheng.console.api.routing")
    Optional<String> routingApi;
    @ConfigProperty(name = "wenzheng.console.api.sla")
    Optional<String> slaApi;

    @GET
    @PermitAll
    @Operation(summary = "The identity provider and public client the console pages log in with (OIDC code flow with PKCE)")
    public ConsoleConfig config() {
        return new ConsoleConfig(identityEnabled ? browserIssuer.or(() -> serviceIssuer).orElse(null) : null, clientId,
                Map.of("intake", intakeApi.orElse(""), "routing", routingApi.orElse(""), "sla", slaApi.orElse(""), "analytics", ""));
    }
}
