package io.wenzheng.routing.directory;

import java.util.List;

/**
 * A responsible unit (承办单位): a node of the city → district → street → community tree, or a city department.
 *
 * @param duties the categories it answers for (职责)
 * @param areas the place names it covers (属地)
 * @param calendarRegion the region whose business calendar it keeps; null for the city's default
 */
public record Unit(String code, String name, String parentCode, UnitLevel level, List<String> duties, List<String> areas,
                   String calendarRegion) {

    public boolean answersFor(String category) {
        return duties.contains(category);
    }

    public boolean covers(String text) {
        return text != null && areas.stream().anyMatch(text::contains);
    }
}
