package io.wenzheng.contracts;

import java.time.Instant;

/** Routing was not confident enough and queued the petition for an operator. */
public record TriageRequired(
        String petitionId,
        String suggestedCategory,
        double confidence,
        String reason,
        Instant triagedAt) implements PetitionEvent {
}
