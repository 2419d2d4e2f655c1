package io.wenzheng.contracts;

import java.time.Instant;

/** The SLA service started a pledge timer for a petition. */
public record DeadlineSet(
        String petitionId,
        Pledge pledge,
        TimeBasis timeBasis,
        Instant startedAt,
        Instant dueAt) implements PetitionEvent {
}
