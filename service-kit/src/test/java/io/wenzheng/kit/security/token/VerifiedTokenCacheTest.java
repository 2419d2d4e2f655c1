package io.wenzheng.kit.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {
    private static final Instant T0 = Instant.parse("2026-12-31T15:59:00Z");

    /** One hand moves both the wall clock (token expiry) and the cache's ticker (its own max age). */
    private static final class Time extends Clock implements Ticker {
        private Instant now = T0;

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public long read() {
            return Duration.between(Instant.EPOCH, now).toNanos();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final Time time = new Time();

    private VerifiedTokenCache<String> cache(int maxEntries, Duration maxAge) {
        return new VerifiedTokenCache<>(maxEntries, maxAge, time, time);
    }

    @Test
    void aTokenIsTrustedUntilItExpiresAndNoLonger() {
        VerifiedTokenCache<String> cache = cache(100, Duration.ofMinutes(10));
        cache.remember("header.claims.signature", "operator1", T0.plusSeconds(60));

        time.pass(Duration.ofSeconds(59));
        assertThat(cache.find("header.claims.signature")).contains("operator1");
        time.pass(Duration.ofSeconds(1));
        assertThat(cache.find("header.claims.signature")).as("at its exp the token is no longer valid").isEmpty();
        assertThat(cache.contains("header.claims.signature")).as("and is forgotten").isFalse();
    }

    @Test
    void noTokenIsTrustedLongerThanTheMaxAgeHoweverLongItHasLeft() {
        VerifiedTokenCache<String> cache = cache(100, Duration.ofMinutes(2));
        cache.remember("t", "operator1", T0.plus(Duration.ofMinutes(5)));

        time.pass(Duration.ofSeconds(119));
        assertThat(cache.find("t")).contains("operator1");
        time.pass(Duration.ofSeconds(2));
        assertThat(cache.find("t")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNeverRemembered() {
        VerifiedTokenCache<String> cache = cache(100, Duration.ofMinutes(2));
        cache.remember("t", "operator1", T0);
        cache.remember("u", "operator1", T0.minusSeconds(1));

        assertThat(cache.contains("t")).isFalse();
        assertThat(cache.contains("u")).isFalse();
    }

    @Test
    void onlyTheWholeTokenMatches() {
        VerifiedTokenCache<String> cache = cache(100, Duration.ofMinutes(2));
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcGVyYXRvcjEifQ.c2lnbmF0dXJl";
        cache.remember(token, "operator1", T0.plusSeconds(300));

        assertThat(cache.find(token.substring(0, token.length() - 4) + "AAAA")).as("a forged signature").isEmpty();
        assertThat(cache.find(token.substring(0, token.length() - 1))).as("a truncated token").isEmpty();
        assertThat(cache.find(token + "A")).isEmpty();
        assertThat(cache.find(token)).contains("operator1");
    }

    @Test
    void theFirstVerificationIsKept() {
        VerifiedTokenCache<String> cache = cache(100, Duration.ofMinutes(2));
        cache.remember("t", "first", T0.plusSeconds(300));
        cache.remember("t", "second", T0.plusSeconds(300));

        assertThat(cache.find("t")).contains("first");
    }

    @Test
    void theNumberOfTokensIsBounded() {
        VerifiedTokenCache<String> cache = cache(50, Duration.ofMinutes(2));
        for (int i = 0; i < 2_000; i++) {
            cache.remember("token-" + i, "user-" + i, T0.plusSeconds(300));
        }
        cache.caffeine().cleanUp();

        assertThat(cache.caffeine().estimatedSize()).isLessThanOrEqualTo(50);
    }

    @Test
    void noEntriesOrNoAgeTurnsItOff() {
        for (VerifiedTokenCache<String> off : java.util.List.of(cache(0, Duration.ofMinutes(2)), cache(100, Duration.ZERO))) {
            off.remember("t", "operator1", T0.plusSeconds(300));
            assertThat(off.enabled()).isFalse();
            assertThat(off.find("t")).isEmpty();
        }
        assertThatThrownBy(() -> cache(-1, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
