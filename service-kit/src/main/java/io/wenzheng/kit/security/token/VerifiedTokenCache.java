package io.wenzheng.kit.security.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bearer tokens this service has already verified, each with what its verification produced, until the token expires
 * or {@code maxAge} has passed, whichever comes first. Checking an RSA signature cost a sixth of intake's CPU under
 * load, and a console or a department's system sends the same token with every request for its five-minute life.
 * Only a token whose signature, issuer, audience and expiry were checked is ever remembered, and the whole token is
 * the key: a token that differs in one character is a miss and is verified in full.
 */
public final class VerifiedTokenCache<T> {
    private record Verified<T>(T result, Instant expiresAt) {
    }

    private final Cache<String, Verified<T>> cache;
    private final Clock clock;
    private final boolean enabled;

    public VerifiedTokenCache(int maxEntries, Duration maxAge, Clock clock, Ticker ticker) {
        if (maxEntries < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("max entries and max age must not be negative: " + maxEntries + ", " + maxAge);
        }
        this.clock = clock;
        this.enabled = maxEntries > 0 && !maxAge.isZero();
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(maxAge).ticker(ticker).recordStats().build();
    }

    public static <T> VerifiedTokenCache<T> of(int maxEntries, Duration maxAge) {
        return new VerifiedTokenCache<>(maxEntries, maxAge, Clock.systemUTC(), Ticker.systemTicker());
    }

    public boolean enabled() {
        return enabled;
    }

    /** What verifying this exact token produced, while the token is still valid. */
    public Optional<T> find(String token) {
        if (!enabled) {
            return Optional.empty();
        }
        Verified<T> verified = cache.getIfPresent(token);
        if (verified == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(verified.expiresAt())) {
            cache.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(verified.result());
    }

    /** Remembers a token that has just been verified; one already expired is not kept. */
    public void remember(String token, T result, Instant expiresAt) {
        if (enabled && clock.instant().isBefore(expiresAt)) {
            cache.asMap().putIfAbsent(token, new Verified<>(result, expiresAt));
        }
    }

    public boolean contains(String token) {
        return enabled && cache.asMap().containsKey(token);
    }

    /** For the cache's metrics (hits, misses, evictions, size). */
    public Cache<String, ?> caffeine() {
        return cache;
    }
}
