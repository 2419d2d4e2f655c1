package io.wenzheng.sla.calendar;

import java.time.Instant;

/** Tells working time from rest time. Regions, holidays and make-up working days come with the full calendar. */
public interface BusinessCalendar {
    boolean isWorkingTime(Instant instant);
}
