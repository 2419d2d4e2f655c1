package io.wenzheng.contracts;

import java.time.Instant;

/** The citizen was not satisfied and the petition goes back to its unit (重办). */
public record PetitionReopened(
        String petitionId,
        String unitCode,
        String reason,
        Instant reopenedAt) implements PetitionEvent {
}
