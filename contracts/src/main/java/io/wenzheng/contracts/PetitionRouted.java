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
        String calendarRegion,
        /** Which rule chose the unit and the words that decided; null from producers older than this field. */
        RoutingExplanation explanation,
        /** The district (区/县) the unit belongs to, for district statistics; null for city departments and older producers. */
        String districtCode,
        /**
         * Units above the responsible one that the directory lets see its petitions (a district government over its
         * streets, say), nearest first; empty or null when none.
         */
        java.util.List<String> supervisingUnits,
        /** The level-2 category (二级分类) under {@code category} when the text names one; null otherwise and from older producers. */
        String subcategory) implements PetitionEvent {

    public PetitionRouted {
        supervisingUnits = supervisingUnits == null ? java.util.List.of() : java.util.List.copyOf(supervisingUnits);
    }

    /** A routing with no level-2 category. */
    public PetitionRouted(String petitionId, String category, String unitCode, String unitName, double confidence, String reason,
                          Instant routedAt, String calendarRegion, RoutingExplanation explanation, String districtCode,
                          java.util.List<String> supervisingUnits) {
        this(petitionId, category, unitCode, unitName, confidence, reason, routedAt, calendarRegion, explanation, districtCode,
                supervisingUnits, null);
    }

    /** A routing with no supervising units. */
    public PetitionRouted(String petitionId, String category, String unitCode, String unitName, double confidence, String reason,
                          Instant routedAt, String calendarRegion, RoutingExplanation explanation, String districtCode) {
        this(petitionId, category, unitCode, unitName, confidence, reason, routedAt, calendarRegion, explanation, districtCode,
                java.util.List.of(), null);
    }
}
