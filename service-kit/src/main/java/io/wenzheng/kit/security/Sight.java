package io.wenzheng.kit.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which petitions a caller may see, detached from the request so that code deep in a reactive chain can apply it:
 * everything, or those of one unit and those of the units below it whose directory entry lets that unit see them.
 *
 * <p>Services keep a petition's supervising units in one column, encoded by {@link #encode} as {@code |A3|A|},
 * so that a list query can filter with {@link #likePattern}.
 */
public record Sight(Optional<String> unit) {
    public static final Sight EVERYTHING = new Sight(Optional.empty());

    public boolean cityWide() {
        return unit.isEmpty();
    }

    public boolean allows(String unitCode, Collection<String> supervisingUnits) {
        return unit.isEmpty() || unit.get().equals(unitCode) || (supervisingUnits != null && supervisingUnits.contains(unit.get()));
    }

    /** @param supervisingUnits the column form, {@code |A3|A|}, or null */
    public boolean allows(String unitCode, String supervisingUnits) {
        return allows(unitCode, decode(supervisingUnits));
    }

    /** A LIKE pattern that matches the column of petitions this unit supervises ({@code _} is escaped with {@code \}). */
    public String likePattern() {
        return "%|" + unit.orElseThrow().replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "|%";
    }

    public static String encode(Collection<String> units) {
        return units == null || units.isEmpty() ? null : "|" + String.join("|", units) + "|";
    }

    public static List<String> decode(String column) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.stream(column.split("\\|")).filter(s -> !s.isBlank()).toList();
    }
}
