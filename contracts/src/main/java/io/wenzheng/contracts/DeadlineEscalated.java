package io.wenzheng.contracts;

import java.time.Instant;

/**
 * 督办: a deadline climbed one step of the unit's escalation chain, by the timer when it was breached or by a
 * supervisor by hand; a supervisor's escalation carries their note.
 */
public record DeadlineEscalated(
        String petitionId,
        Pledge pledge,
        String unitCode,
        int level,
        EscalationStep escalatedTo,
        Instant dueAt,
        Instant escalatedAt,
        /** The supervisor's note; null when the timer escalated. */
        String note) implements PetitionEvent {

    /** The timer's escalation, with no note. */
    public DeadlineEscalated(String petitionId, Pledge pledge, String unitCode, int level, EscalationStep escalatedTo,
                             Instant dueAt, Instant escalatedAt) {
        this(petitionId, pledge, unitCode, level, escalatedTo, dueAt, escalatedAt, null);
    }
}
