package io.wenzheng.sla.calendar;

import java.time.LocalDate;
import java.util.List;

/** Office hours that replace the default ones between two dates, both included (for example summer hours). */
public record SeasonalHours(LocalDate from, LocalDate to, List<OfficeSession> sessions) {
    public SeasonalHours {
        sessions = List.copyOf(sessions);
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
