package io.wenzheng.kit.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class ReusableIdentityTest {
    private static final String RAW = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1bml0MSJ9.c2lnbmF0dXJl";
    private static final Object FIRST_REQUEST = new Object();
    private static final AuthenticationRequestContext FIRST_CONTEXT = supplier -> null;

    /** Shaped as OIDC builds it from a verified token. */
    private static SecurityIdentity verified() throws Exception {
        JwtClaims claims = JwtClaims.parse("""
                {"sub":"unit1","preferred_username":"unit1","exp":1798732800,"roles":["unit_staff"],
                 "unit":"water-bureau","scope":"openid petitions:read"}""");
        AccessTokenCredential credential = new AccessTokenCredential(RAW);
        return QuarkusSecurityIdentity.builder().setPrincipal(new OidcJwtCallerPrincipal(claims, credential))
                .addCredential(credential).addRole("unit_staff").addPermissionsAsString(java.util.Set.of("openid", "petitions:read"))
                .addAttribute("tenant-id", "Default").addAttribute(RoutingContext.class.getName(), FIRST_REQUEST)
                .addAttribute(AuthenticationRequestContext.class.getName(), FIRST_CONTEXT).build();
    }

    @Test
    void theTokenAndItsExpiryAreRead() throws Exception {
        assertThat(ReusableIdentity.tokenOf(verified()))
                .contains(new ReusableIdentity.Token(RAW, Instant.ofEpochSecond(1798732800)));
    }

    @Test
    void anIdentityWithoutAVerifiedTokenIsNotRemembered() {
        SecurityIdentity fromElsewhere = QuarkusSecurityIdentity.builder()
                .setPrincipal(new io.quarkus.security.runtime.QuarkusPrincipal("operator1")).addRole("operator").build();

        assertThat(ReusableIdentity.tokenOf(fromElsewhere)).isEmpty();
        assertThat(ReusableIdentity.tokenOf(QuarkusSecurityIdentity.builder().setAnonymous(true).build())).isEmpty();
    }

    @Test
    void whatIsKeptHasNothingOfTheFirstRequest() throws Exception {
        SecurityIdentity kept = ReusableIdentity.kept(verified());

        assertThat(kept.getAttributes()).doesNotContainKeys(RoutingContext.class.getName(),
                AuthenticationRequestContext.class.getName()).containsEntry("tenant-id", "Default");
        assertThat(kept.getPrincipal().getName()).isEqualTo("unit1");
        assertThat(kept.getRoles()).containsExactly("unit_staff");
        assertThat(kept.getCredential(AccessTokenCredential.class).getToken()).isEqualTo(RAW);
    }

    @Test
    void theNextRequestGetsTheSameRightsAndItsOwnRequest() throws Exception {
        Object nextRequest = new Object();
        AuthenticationRequestContext nextContext = supplier -> null;

        SecurityIdentity next = ReusableIdentity.forRequest(ReusableIdentity.kept(verified()),
                Map.of(RoutingContext.class.getName(), nextRequest), nextContext);

        assertThat(next.<Object>getAttribute(RoutingContext.class.getName())).isSameAs(nextRequest);
        assertThat(next.<Object>getAttribute(AuthenticationRequestContext.class.getName())).isSameAs(nextContext);
        assertThat(next.getRoles()).containsExactly("unit_staff");
        SecurityIdentity first = verified();
        for (StringPermission permission : java.util.List.of(new StringPermission("petitions", "read"), new StringPermission("openid"),
                new StringPermission("petitions", "write"), new StringPermission("petitions:read"))) {
            assertThat(next.checkPermissionBlocking(permission)).as(permission + " as on the first request")
                    .isEqualTo(first.checkPermissionBlocking(permission));
        }
        assertThat(next.checkPermissionBlocking(new StringPermission("petitions", "read"))).as("the token's scope").isTrue();
        assertThat(next.checkPermissionBlocking(new StringPermission("petitions", "write"))).isFalse();
        assertThat(((org.eclipse.microprofile.jwt.JsonWebToken) next.getPrincipal()).<String>getClaim("unit")).isEqualTo("water-bureau");
    }
}
