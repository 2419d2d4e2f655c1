package io.wenzheng.sla.calendar;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The calendars of the regions a city's units belong to, and the region of a petition not yet routed. */
public record CalendarRegions(String defaultRegion, Map<String, WorkCalendar> calendars) {
    public CalendarRegions {
        calendars = Map.copyOf(calendars);
        if (!calendars.containsKey(defaultRegion)) {
            throw new IllegalArgumentException("no calendar for the default region " + defaultRegion + "; regions: " + calendars.keySet());
        }
    }

    public static CalendarRegions single(WorkCalendar calendar) {
        return new CalendarRegions(calendar.region(), Map.of(calendar.region(), calendar));
    }

    public boolean knows(String region) {
        return region != null && calendars.containsKey(region);
    }

    /** The region's calendar; the default one for a petition without a region. */
    public WorkCalendar calendar(String region) {
        if (region == null) {
            return calendars.get(defaultRegion);
        }
        WorkCalendar calendar = calendars.get(region);
        if (calendar == null) {
            throw new IllegalArgumentException("no calendar for region " + region + "; regions: " + names());
        }
        return calendar;
    }

    /** The same regions with loaded notices added: each region's years by region name. Unknown regions are refused. */
    public CalendarRegions withNotices(Map<String, ? extends Collection<HolidayYear>> notices) {
        Map<String, WorkCalendar> updated = new HashMap<>(calendars);
        notices.forEach((region, years) -> {
            WorkCalendar calendar = calendar(region);
            for (HolidayYear year : years) {
                calendar = calendar.withYear(year);
            }
            updated.put(region, calendar);
        });
        return new CalendarRegions(defaultRegion, updated);
    }

    public Set<String> names() {
        return calendars.keySet();
    }
}
