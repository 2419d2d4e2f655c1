package io.wenzheng.routing.directory;

/**
 * An explicit routing rule of the directory. With a place, it is an override: a petition of the category (any
 * category when null) that names the place goes to the unit, before locality is considered. Without a place, it
 * names the lead department that answers city-wide when no locality applies. Higher priority wins.
 */
public record RoutingRule(String name, String category, String place, String unitCode, int priority) {

    public boolean isOverride() {
        return place != null;
    }

    public boolean appliesTo(String petitionCategory) {
        return category == null || category.equals(petitionCategory);
    }

    public boolean namedIn(String text) {
        return place != null && text != null && text.contains(place);
    }
}
