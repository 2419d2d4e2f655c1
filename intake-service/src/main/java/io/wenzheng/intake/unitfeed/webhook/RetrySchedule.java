package io.wenzheng.intake.unitfeed.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed push is tried again: the first retry after {@code first}, doubling, at most {@code longest} apart;
 * after {@code attempts} tries the delivery is parked for an administrator to replay.
 */
public record RetrySchedule(Duration first, Duration longest, int attempts) {

    /** The next attempt after {@code attemptsSoFar} failures, or empty when the delivery must be parked. */
    public Optional<Instant> next(int attemptsSoFar, Instant now) {
        if (attemptsSoFar >= attempts) {
            return Optional.empty();
        }
        Duration wait = first.multipliedBy(1L << Math.min(20, attemptsSoFar - 1));
        return Optional.of(now.plus(wait.compareTo(longest) > 0 ? longest : wait));
    }

    /** Whether an HTTP answer means "try again later" rather than "this request will never be taken". */
    public static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }
}
