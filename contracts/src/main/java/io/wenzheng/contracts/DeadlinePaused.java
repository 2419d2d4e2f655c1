package io.wenzheng.contracts;

import java.time.Instant;

/** A pledge clock stopped while the unit waits for the citizen; {@code workingSecondsLeft} is what it keeps. */
public record DeadlinePaused(
        String petitionId,
        Pledge pledge,
        String unitCode,
        Instant dueAt,
        long workingSecondsLeft,
        Instant pausedAt) implements PetitionEvent {
}
