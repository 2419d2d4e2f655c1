package io.wenzheng.contracts;

import java.time.Instant;

/** 督办: a breached deadline climbed one step of the unit's escalation chain. */
public record DeadlineEscalated(
        String petitionId,
        Pledge pledge,
        String unitCode,
        int level,
        EscalationStep escalatedTo,
        Instant dueAt,
        Instant escalatedAt) implements PetitionEvent {
}
