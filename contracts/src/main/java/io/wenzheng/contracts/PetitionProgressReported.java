package io.wenzheng.contracts;

import java.time.Instant;

/** The unit told the citizen how the case stands (进展): every few working days until it is resolved. */
public record PetitionProgressReported(
        String petitionId,
        String unitCode,
        String message,
        Instant reportedAt) implements PetitionEvent {
}
