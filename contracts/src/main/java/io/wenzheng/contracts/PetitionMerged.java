package io.wenzheng.contracts;

import java.time.Instant;

/** The petition repeats an earlier one (the original) and is handled as part of it; it ends here. */
public record PetitionMerged(
        String petitionId,
        String originalId,
        String note,
        Instant mergedAt) implements PetitionEvent {
}
