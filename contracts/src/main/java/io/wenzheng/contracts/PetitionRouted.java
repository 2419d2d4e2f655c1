package io.wenzheng.contracts;

import java.time.Instant;

/** Routing chose a category and a responsible unit, and says why. */
public record PetitionRouted(
        String petitionId,
        String category,
        String unitCode,
        String unitName,
        double confidence,
        String reason,
        Instant routedAt,
        /** The business calendar of the unit (its region); null for the default region. */
        String calendarRegion) implements PetitionEvent {
}
