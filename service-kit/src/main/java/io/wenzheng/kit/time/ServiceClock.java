package io.wenzheng.kit.time;

import io.smallrye.config.ConfigMapping;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The one clock a service reads "now" from. In production it is the system clock. A test profile may set
 * {@code wenzheng.clock.start}: the clock then reads that instant when the service starts and runs on from there in
 * real time, so timers still fire, but the hour, the weekday and the year are the test's, not the machine's.
 */
public class ServiceClock {

    @ConfigMapping(prefix = "wenzheng.clock")
    public interface Config {
        /** ISO-8601 date-time with an offset, such as {@code 2026-12-02T10:00:00+08:00}; unset: the system clock. */
        Optional<OffsetDateTime> start();
    }

    @Produces
    @Singleton
    Clock clock(Config config) {
        return of(config.start());
    }

    public static Clock of(Optional<OffsetDateTime> start) {
        Clock system = Clock.systemUTC();
        return start.map(s -> Clock.offset(system, Duration.between(system.instant(), s.toInstant()))).orElse(system);
    }
}
