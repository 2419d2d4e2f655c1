package io.wenzheng.contracts;

import java.time.Instant;

/** A pledge timer expired before the unit acted; {@code late} when it fired well after the due time (the service was down). */
public record DeadlineBreached(
        String petitionId,
        Pledge pledge,
        String unitCode,
        Instant dueAt,
        Instant breachedAt,
        Boolean late) implements PetitionEvent {
}
