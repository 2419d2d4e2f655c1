package io.wenzheng.kit.security.token;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The identity a verified bearer token gave, without what belonged to the request that brought it (its routing
 * context, its blocking executor), so that the next request with the same token gets the same principal, roles,
 * claims and scopes with its own request attached.
 */
public final class ReusableIdentity {
    /** Attributes OIDC ties to one request; a remembered identity must not hold them. */
    static final Set<String> PER_REQUEST = Set.of(RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());
    /** Where OIDC reads a token's scopes, which it grants as permissions. */
    static final String SCOPE_CLAIM = "scope";

    private ReusableIdentity() {
    }

    /** The raw token and its expiry, if the identity came from verifying a JWT bearer token. */
    public static Optional<Token> tokenOf(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (identity.isAnonymous() || credential == null || credential.getToken() == null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Token(credential.getToken(), Instant.ofEpochSecond(jwt.getExpirationTime())));
    }

    public record Token(String raw, Instant expiresAt) {
    }

    /** The identity with nothing of the request that brought it. */
    public static SecurityIdentity kept(SecurityIdentity verified) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder().setPrincipal(verified.getPrincipal())
                .addRoles(verified.getRoles()).addCredentials(verified.getCredentials()).setAnonymous(false);
        verified.getAttributes().forEach((key, value) -> {
            if (!PER_REQUEST.contains(key)) {
                builder.addAttribute(key, value);
            }
        });
        // OIDC grants the token's scopes as permissions through a checker that holds the whole original identity
        // (and its request); the same permissions are granted again from the claim instead.
        Object scope = verified.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(SCOPE_CLAIM) : null;
        if (scope != null) {
            Set<String> scopes = Arrays.stream(scope.toString().split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
            if (!scopes.isEmpty()) {
                builder.addPermissionsAsString(scopes);
            }
        }
        return builder.build();
    }

    /** A remembered identity for a new request: the request's own routing context and blocking executor attached. */
    public static SecurityIdentity forRequest(SecurityIdentity kept, Map<String, Object> requestAttributes,
            AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(kept);
        Object routingContext = requestAttributes.get(RoutingContext.class.getName());
        if (routingContext != null) {
            builder.addAttribute(RoutingContext.class.getName(), routingContext);
        }
        if (context != null) {
            builder.addAttribute(AuthenticationRequestContext.class.getName(), context);
        }
        return builder.build();
    }
}
