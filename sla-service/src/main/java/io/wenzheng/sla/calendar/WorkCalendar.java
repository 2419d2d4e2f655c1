package io.wenzheng.sla.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * A region's business calendar: its time zone, office hours, weekends, statutory holidays and make-up working days.
 * Working time is a working day inside office hours; everything else is rest time.
 */
public final class WorkCalendar implements BusinessCalendar {
    public static final List<OfficeSession> STANDARD_HOURS = List.of(
            new OfficeSession(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new OfficeSession(LocalTime.of(13, 30), LocalTime.of(17, 30)));

    private final String region;
    private final ZoneId zone;
    private final List<OfficeSession> hours;
    private final List<SeasonalHours> seasons;
    private final Map<Integer, HolidayYear> holidays;

    public WorkCalendar(String region, ZoneId zone, List<OfficeSession> hours, List<SeasonalHours> seasons,
                        Map<Integer, HolidayYear> holidays) {
        this.region = region;
        this.zone = zone;
        this.hours = List.copyOf(hours);
        this.seasons = List.copyOf(seasons);
        this.holidays = Map.copyOf(holidays);
    }

    public String region() {
        return region;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Monday to Friday, minus days off, plus make-up working days. Throws for a year without holiday data. */
    public boolean isWorkingDay(LocalDate day) {
        HolidayYear year = holidays.get(day.getYear());
        if (year == null) {
            throw new MissingHolidayDataException(region, day.getYear());
        }
        if (year.makeUpWorkdays().contains(day)) {
            return true;
        }
        if (year.daysOff().contains(day)) {
            return false;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    @Override
    public boolean isWorkingTime(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        return sessionsOn(local.toLocalDate()).stream().anyMatch(s -> s.contains(t));
    }

    /** The office sessions of a working day (seasonal hours win over the default). */
    public List<OfficeSession> sessionsOn(LocalDate day) {
        return seasons.stream().filter(s -> s.covers(day)).map(SeasonalHours::sessions).findFirst().orElse(hours);
    }

    /** The end of office hours on the n-th working day after {@code day}; {@code day} itself never counts. */
    public ZonedDateTime endOfNthWorkingDayAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        LocalDate d = day;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        List<OfficeSession> sessions = sessionsOn(d);
        return d.atTime(sessions.get(sessions.size() - 1).end()).atZone(zone);
    }
}
