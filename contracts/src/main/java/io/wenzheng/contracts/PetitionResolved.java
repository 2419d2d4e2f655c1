package io.wenzheng.contracts;

import java.time.Instant;

/** 办结: the unit resolved the petition. */
public record PetitionResolved(
        String petitionId,
        String unitCode,
        String summary,
        Instant resolvedAt) implements PetitionEvent {
}
