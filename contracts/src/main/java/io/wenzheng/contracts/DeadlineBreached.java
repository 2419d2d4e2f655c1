package io.wenzheng.contracts;

import java.time.Instant;

/** A pledge timer expired before the unit acted. */
public record DeadlineBreached(
        String petitionId,
        Pledge pledge,
        String unitCode,
        Instant dueAt,
        Instant breachedAt) implements PetitionEvent {
}
