package io.wenzheng.routing.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A unit as the directory import takes it. Codes become Kafka topic names, so they stay topic-safe. */
public record UnitInput(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,100}", message = "letters, digits, '-' and '_' only") String code,
        @NotBlank @Size(max = 200) String name,
        String parentCode,
        @NotNull UnitLevel level,
        List<@NotBlank String> duties,
        List<@NotBlank String> areas,
        @Pattern(regexp = "[a-z0-9-]{1,64}", message = "lower-case letters, digits and '-' only") String calendarRegion,
        List<@NotBlank String> landmarks,
        @Valid Territory territory,
        @Size(max = 300) String escalationContact,
        Boolean seesSubordinates) {

    /** The unit's approximate territory: a centre and a radius. */
    public record Territory(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
                            @NotNull @Positive Double radiusKm) {
    }

    Unit toUnit() {
        return new Unit(code, name, parentCode, level, duties, areas, calendarRegion, landmarks,
                territory == null ? null : new GeoArea(territory.latitude(), territory.longitude(), territory.radiusKm()),
                escalationContact, Boolean.TRUE.equals(seesSubordinates));
    }
}
