package io.wenzheng.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What the shared outbox, inbox and token check need to know about the service they run in. */
@ConfigMapping(prefix = "wenzheng")
public interface KitConfig {

    /** The service's name; it becomes the CloudEvents {@code source}. */
    String service();

    Outbox outbox();

    Tracing tracing();

    Security security();

    interface Security {
        VerifiedTokens verifiedTokens();
    }

    /** Bearer tokens remembered after verification (kit.security.token.VerifiedTokenCache). */
    interface VerifiedTokens {
        /** Distinct tokens remembered at most; 0 verifies every request's token in full. */
        @WithDefault("10000")
        int maxEntries();

        /**
         * Longest a token is trusted without being verified again, however long it has left: how long a signing key
         * Keycloak withdrew still admits its tokens here.
         */
        @WithDefault("2m")
        Duration maxAge();
    }

    interface Tracing {
        /** Log every finished span (kit.trace.SpanLog), for a developer without a tracing backend. */
        @WithDefault("false")
        boolean log();
    }

    interface Outbox {
        /** Rows the relay publishes per round. */
        @WithDefault("200")
        int batchSize();

        /**
         * Pause between relay rounds when the outbox is drained and the relay cannot hear commits (its listening
         * connection is down).
         */
        @WithDefault("100ms")
        Duration interval();

        /**
         * Pause between relay rounds when the outbox is drained while the relay hears every commit that adds rows:
         * a safety net for a lost notification and for rows whose delivery failed, not the way rows are found.
         */
        @WithDefault("5s")
        Duration listeningInterval();

        /**
         * Shortest time between relay rounds when commits wake the relay: rows committed meanwhile go out together,
         * so a busy service does not pay a round per row.
         */
        @WithDefault("20ms")
        Duration wakeGap();

        /** Failed deliveries after which a row is parked instead of retried. */
        @WithDefault("5")
        int maxAttempts();

        /** How long a relay round waits for the broker's acknowledgements before it gives up and retries later. */
        @WithDefault("10s")
        Duration sendTimeout();
    }
}
