package io.wenzheng.sla.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** Weekday office hours in one time zone: by default Mon–Fri 09:00–12:00 and 13:30–17:30, Asia/Shanghai. */
public final class OfficeHours implements BusinessCalendar {
    public record Session(LocalTime start, LocalTime end) {
        boolean contains(LocalTime t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    private final ZoneId zone;
    private final List<Session> sessions;

    public OfficeHours(ZoneId zone, List<Session> sessions) {
        this.zone = zone;
        this.sessions = List.copyOf(sessions);
    }

    public static OfficeHours standard() {
        return new OfficeHours(ZoneId.of("Asia/Shanghai"), List.of(
                new Session(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new Session(LocalTime.of(13, 30), LocalTime.of(17, 30))));
    }

    @Override
    public boolean isWorkingTime(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        DayOfWeek day = local.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return sessions.stream().anyMatch(s -> s.contains(time));
    }
}
