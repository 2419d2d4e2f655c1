package io.wenzheng.contracts;

import java.time.Instant;

/** The citizen answered the unit's question; stopped clocks run again. */
public record CitizenReplied(
        String petitionId,
        String message,
        Instant repliedAt) implements PetitionEvent {
}
