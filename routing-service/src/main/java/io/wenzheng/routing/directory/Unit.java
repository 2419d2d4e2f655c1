package io.wenzheng.routing.directory;

import java.util.List;
import java.util.Optional;

/**
 * A responsible unit (承办单位): a node of the city → district → street → community tree, or a city department.
 *
 * @param duties the categories it answers for (职责)
 * @param areas the place names it covers (属地), aliases included
 * @param calendarRegion the region whose business calendar it keeps; null for the city's default
 * @param landmarks named places in its territory or care (a park, a station, a campus)
 * @param territory its approximate territory, for petitions that come with coordinates; may be null
 * @param escalationContact who is told when the unit misses a deadline (督办)
 * @param seesSubordinates whether its staff may see the petitions of every unit below it (a district government over
 *                         its streets and communities, say); the directory decides, not the token
 */
public record Unit(String code, String name, String parentCode, UnitLevel level, List<String> duties, List<String> areas,
                   String calendarRegion, List<String> landmarks, GeoArea territory, String escalationContact,
                   boolean seesSubordinates) {

    public Unit(String code, String name, String parentCode, UnitLevel level, List<String> duties, List<String> areas,
                String calendarRegion, List<String> landmarks, GeoArea territory, String escalationContact) {
        this(code, name, parentCode, level, duties, areas, calendarRegion, landmarks, territory, escalationContact, false);
    }

    public Unit {
        duties = duties == null ? List.of() : List.copyOf(duties);
        areas = areas == null ? List.of() : List.copyOf(areas);
        landmarks = landmarks == null ? List.of() : List.copyOf(landmarks);
    }

    public boolean answersFor(String category) {
        return duties.contains(category);
    }

    /** The longest of its place names or landmarks that the text names. */
    public Optional<String> placeNamedIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return java.util.stream.Stream.concat(areas.stream(), landmarks.stream())
                .filter(text::contains).max(java.util.Comparator.comparingInt(String::length));
    }

    public boolean covers(String text) {
        return placeNamedIn(text).isPresent();
    }
}
