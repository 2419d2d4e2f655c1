package io.wenzheng.contracts;

import java.time.Instant;

/** The unit acted before the pledge timer expired. */
public record DeadlineMet(
        String petitionId,
        Pledge pledge,
        String unitCode,
        Instant dueAt,
        Instant metAt,
        Long elapsedSeconds) implements PetitionEvent {
}
