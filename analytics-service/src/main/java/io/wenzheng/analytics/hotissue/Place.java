package io.wenzheng.analytics.hotissue;

/**
 * What a hot issue is about, where the text says: a named place or organisation (an estate, road, school,
 * company, village), with the district code the message put before it, or a group of people (人群, e.g. 学生).
 */
public record Place(String district, String name, boolean group) {

    /** The name without the generic word that ends it, so "魅力之城小区" and "魅力之城" are one estate. */
    String key() {
        for (String generic : new String[] {"小区", "社区"}) {
            if (name.endsWith(generic) && name.length() - generic.length() >= 2) {
                return name.substring(0, name.length() - generic.length());
            }
        }
        return name;
    }

    /** Whether a text names this place, though it was not found there. */
    boolean namedIn(String text) {
        return !group && key().length() >= 3 && text.contains(key());
    }

    /** One place written twice: the same name or one inside the other, and no two different districts. */
    public boolean sameAs(Place other) {
        if (other == null || group != other.group) {
            return false;
        }
        if (district != null && other.district != null && !district.equals(other.district)) {
            return false;
        }
        String a = key();
        String b = other.key();
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= 3 && longer.contains(shorter);
    }

    /** As a reader sees it: "A5区魅力之城小区", or "人群：学生". */
    public String display() {
        if (group) {
            return "人群：" + name;
        }
        return district == null ? name : district + name;
    }
}
