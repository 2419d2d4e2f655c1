package io.wenzheng.contracts;

import java.time.Instant;

/** The responsible unit gave its first response to the citizen. */
public record PetitionResponded(
        String petitionId,
        String unitCode,
        String message,
        Instant respondedAt) implements PetitionEvent {
}
