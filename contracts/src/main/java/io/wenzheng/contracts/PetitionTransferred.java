package io.wenzheng.contracts;

import java.time.Instant;

/** 转办: an operator moved the petition to another unit. Also sent to the new unit's feed. */
public record PetitionTransferred(
        String petitionId,
        String fromUnitCode,
        String toUnitCode,
        String toUnitName,
        String category,
        String reason,
        Instant transferredAt,
        /** The business calendar of the unit (its region); null for the default region. */
        String calendarRegion,
        /** The district (区/县) of the new unit; null for city departments and older producers. */
        String toDistrictCode,
        /** Units above the new one that the directory lets see its petitions, nearest first; empty or null when none. */
        java.util.List<String> toSupervisingUnits) implements PetitionEvent {

    public PetitionTransferred {
        toSupervisingUnits = toSupervisingUnits == null ? java.util.List.of() : java.util.List.copyOf(toSupervisingUnits);
    }

    /** A transfer with no supervising units. */
    public PetitionTransferred(String petitionId, String fromUnitCode, String toUnitCode, String toUnitName, String category,
                               String reason, Instant transferredAt, String calendarRegion, String toDistrictCode) {
        this(petitionId, fromUnitCode, toUnitCode, toUnitName, category, reason, transferredAt, calendarRegion, toDistrictCode,
                java.util.List.of());
    }
}
