package io.wenzheng.contracts;

import java.time.Instant;

/** The unit asked the citizen for something it needs; the resolution clock may stop until the citizen answers. */
public record PetitionAwaitingCitizen(
        String petitionId,
        String unitCode,
        String question,
        Instant askedAt) implements PetitionEvent {
}
