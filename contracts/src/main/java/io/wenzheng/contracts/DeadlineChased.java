package io.wenzheng.contracts;

import java.time.Instant;

/** 催办: the supervision office chased the unit about a petition, with a note; the clock itself does not change. */
public record DeadlineChased(
        String petitionId,
        Pledge pledge,
        String unitCode,
        String note,
        Instant dueAt,
        Instant chasedAt) implements PetitionEvent {
}
