package io.wenzheng.kit.security.token;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.KitConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Puts {@link VerifiedTokenCache} in front of OIDC's verification: as an identity provider tried before OIDC's (a
 * miss returns nothing, and OIDC verifies the token in full), and as the first augmentor, which remembers what OIDC
 * verified before any other augmentor adds to it.
 */
@Startup
@Singleton
public class VerifiedTokens {
    private final VerifiedTokenCache<SecurityIdentity> cache;

    @Inject
    public VerifiedTokens(KitConfig config, MeterRegistry registry) {
        KitConfig.VerifiedTokens settings = config.security().verifiedTokens();
        this.cache = VerifiedTokenCache.of(settings.maxEntries(), settings.maxAge());
        CaffeineCacheMetrics.monitor(registry, cache.caffeine(), "verified_tokens");
    }

    @ApplicationScoped
    public static class CachedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {
        @Inject
        VerifiedTokens tokens;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /** Before OIDC's provider, which keeps the default (one above {@code SYSTEM_FIRST}). */
        @Override
        public int priority() {
            return SYSTEM_FIRST + 1_000;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            if (!(request.getToken() instanceof AccessTokenCredential credential) || !tokens.cache.enabled()) {
                return Uni.createFrom().nullItem();
            }
            return Uni.createFrom().item(tokens.cache.find(credential.getToken())
                    .map(kept -> ReusableIdentity.forRequest(kept, request.getAttributes(), context)).orElse(null));
        }
    }

    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {
        @Inject
        VerifiedTokens tokens;

        /** First, so that what is remembered is what OIDC verified; the other augmentors run on every request. */
        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (tokens.cache.enabled()) {
                ReusableIdentity.tokenOf(identity).filter(token -> !tokens.cache.contains(token.raw()))
                        .ifPresent(token -> tokens.cache.remember(token.raw(), ReusableIdentity.kept(identity), token.expiresAt()));
            }
            return Uni.createFrom().item(identity);
        }
    }
}
