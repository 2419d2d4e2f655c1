package io.wenzheng.contracts;

import java.time.Instant;

/** 签收: the responsible unit has taken the petition on; from now on it is that unit's case. */
public record PetitionAccepted(
        String petitionId,
        String unitCode,
        Instant acceptedAt) implements PetitionEvent {
}
