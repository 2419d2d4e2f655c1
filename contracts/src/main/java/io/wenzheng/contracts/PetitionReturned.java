package io.wenzheng.contracts;

import java.time.Instant;

/** 回退: the unit handed the petition back, with its reason; routing tries again without it. */
public record PetitionReturned(
        String petitionId,
        String unitCode,
        String reason,
        Instant returnedAt) implements PetitionEvent {
}
