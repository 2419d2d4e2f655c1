package io.wenzheng.bench;

import java.time.Duration;
import java.time.Instant;

/** One deadline as it was fired: when it was due, and when the transaction that fired it committed. */
public record Firing(String petitionId, Instant dueAt, Instant committedAt) {
    public Duration lateness() {
        return Duration.between(dueAt, committedAt);
    }
}
