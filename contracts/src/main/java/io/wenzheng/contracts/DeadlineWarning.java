package io.wenzheng.contracts;

import java.time.Instant;

/** 催办: most of the allowed time has gone and the unit has not acted yet. Also sent to the unit's feed. */
public record DeadlineWarning(
        String petitionId,
        Pledge pledge,
        String unitCode,
        Instant dueAt,
        double elapsedShare,
        Instant warnedAt) implements PetitionEvent {
}
