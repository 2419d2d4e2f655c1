package io.wenzheng.routing.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
        @Pattern(regexp = "[a-z0-9-]{1,64}", message = "lower-case letters, digits and '-' only") String calendarRegion) {

    Unit toUnit() {
        return new Unit(code, name, parentCode, level, duties == null ? List.of() : duties, areas == null ? List.of() : areas, calendarRegion);
    }
}
