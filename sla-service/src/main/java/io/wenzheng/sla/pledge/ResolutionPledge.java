package io.wenzheng.sla.pledge;

import io.wenzheng.sla.calendar.WorkCalendar;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * 办结: resolve by the end of office hours of the N-th working day after the day of receipt. N is set per
 * category; the day of receipt never counts, whatever the hour.
 */
public final class ResolutionPledge {
    public static final int DEFAULT_WORKING_DAYS = 5;

    private final WorkCalendar calendar;
    private final int defaultDays;
    private final Map<String, Integer> daysByCategory;

    public ResolutionPledge(WorkCalendar calendar, int defaultDays, Map<String, Integer> daysByCategory) {
        this.calendar = calendar;
        this.defaultDays = defaultDays;
        this.daysByCategory = Map.copyOf(daysByCategory);
    }

    public ZonedDateTime dueFor(Instant receivedAt, String category) {
        int n = category == null ? defaultDays : daysByCategory.getOrDefault(category, defaultDays);
        return calendar.endOfNthWorkingDayAfter(receivedAt.atZone(calendar.zone()).toLocalDate(), n);
    }
}
