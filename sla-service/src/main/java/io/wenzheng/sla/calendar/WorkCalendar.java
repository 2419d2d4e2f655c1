package io.wenzheng.sla.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import io.wenzheng.contracts.CalendarStatus;
import io.wenzheng.sla.calendar.statutory.StatutoryRules;
import io.wenzheng.sla.calendar.statutory.YearOutOfRangeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A region's business calendar: its time zone, office hours, weekends, statutory holidays and make-up working days.
 * Working time is a working day inside office hours; everything else is rest time.
 */
public final class WorkCalendar {
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
        this.hours = ordered(hours);
        this.seasons = List.copyOf(seasons);
        this.seasons.forEach(s -> ordered(s.sessions()));
        this.holidays = withProvisionalYears(holidays);
    }

    /** Every year the statutory rules can compute and no notice covers gets its provisional calendar. */
    private static Map<Integer, HolidayYear> withProvisionalYears(Map<Integer, HolidayYear> notices) {
        StatutoryRules rules = StatutoryRules.standard();
        Map<Integer, HolidayYear> years = new TreeMap<>(notices);
        for (int year = rules.firstComputableYear(); year <= rules.lastComputableYear(); year++) {
            years.computeIfAbsent(year, rules::provisionalYear);
        }
        return Collections.unmodifiableMap(years);
    }

    /** The same calendar with one year's notice added or replaced. */
    public WorkCalendar withYear(HolidayYear notice) {
        Map<Integer, HolidayYear> years = new TreeMap<>(holidays);
        years.put(notice.year(), notice);
        return new WorkCalendar(region, zone, hours, seasons, years);
    }

    /** Every year this calendar can answer for, in order, with its source. */
    public Map<Integer, HolidayYear> years() {
        return holidays;
    }

    /**
     * OFFICIAL when every year from {@code from}'s to {@code to}'s (in this calendar's zone) has a notice; a
     * computation between the two instants looks at no other day.
     */
    public CalendarStatus statusBetween(Instant from, Instant to) {
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        return provisionalYearsBetween(first, last.isBefore(first) ? first : last).isEmpty()
                ? CalendarStatus.OFFICIAL : CalendarStatus.PROVISIONAL;
    }

    /** The years between two days (both included) that only have a provisional calendar. */
    public List<Integer> provisionalYearsBetween(LocalDate from, LocalDate to) {
        List<Integer> years = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            HolidayYear known = holidays.get(year);
            if (known == null || !known.source().official()) {
                years.add(year);
            }
        }
        return years;
    }

    private static List<OfficeSession> ordered(List<OfficeSession> sessions) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("a working day needs at least one office session");
        }
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) {
                throw new IllegalArgumentException("office sessions must be in order and must not overlap: " + sessions);
            }
        }
        return List.copyOf(sessions);
    }

    public String region() {
        return region;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Monday to Friday, minus days off, plus make-up working days. Throws for a year that has neither a notice nor a
     * provisional calendar.
     */
    public boolean isWorkingDay(LocalDate day) {
        HolidayYear year = holidays.get(day.getYear());
        if (year == null) {
            StatutoryRules rules = StatutoryRules.standard();
            throw new YearOutOfRangeException(day.getYear(), rules.firstComputableYear(), rules.lastComputableYear());
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

    /** The working time inside [from, to); zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (OfficeSession s : sessionsOn(d)) {
                Instant start = max(from, d.atTime(s.start()).atZone(zone).toInstant());
                Instant end = min(to, d.atTime(s.end()).atZone(zone).toInstant());
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code from}: the inverse of
     * {@link #workingTimeBetween}. A positive amount that ends exactly with a session ends at the session's end.
     */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        Duration left = amount;
        LocalDate d = from.atZone(zone).toLocalDate();
        for (int days = 0; days < MAX_DAYS_SEARCHED; days++, d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (OfficeSession s : sessionsOn(d)) {
                Instant start = max(from, d.atTime(s.start()).atZone(zone).toInstant());
                Instant end = d.atTime(s.end()).atZone(zone).toInstant();
                if (!end.isAfter(start)) {
                    continue;
                }
                Duration here = Duration.between(start, end);
                if (here.compareTo(left) >= 0) {
                    return start.plus(left);
                }
                left = left.minus(here);
            }
        }
        throw new IllegalArgumentException(amount + " of working time does not fit in " + MAX_DAYS_SEARCHED + " days");
    }

    private static final int MAX_DAYS_SEARCHED = 3 * 366;

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
