package io.wenzheng.sla.calendar.astronomy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The months of one year of the Chinese calendar (农历) by the rules of GB/T 33661-2017: days are counted in Beijing
 * time (UTC+8); a month starts on the day of a new moon; the month holding the winter solstice (冬至) is the 11th; when
 * 13 months lie between two 11th months, the first of them holding no principal term (中气) is a leap month (闰月).
 *
 * @param year the Gregorian year in which this lunar year's first day (正月初一) falls
 * @param months every month from the 11th month of the year before up to, not including, this year's 11th month
 */
public record ChineseLunarYear(int year, List<Month> months) {
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** A month: its number (1–12), whether it is a leap month, its first day, and the new moon that starts it. */
    public record Month(int number, boolean leap, LocalDate firstDay, Instant newMoon) {
    }

    public ChineseLunarYear {
        months = List.copyOf(months);
    }

    private static final java.util.Map<Integer, ChineseLunarYear> COMPUTED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The year whose 正月初一 falls in the given Gregorian year; each is computed once per JVM. */
    public static ChineseLunarYear of(int year) {
        return COMPUTED.computeIfAbsent(year, ChineseLunarYear::compute);
    }

    private static ChineseLunarYear compute(int year) {
        LocalDate solsticeBefore = day(SunLongitude.reachesInYear(270, year - 1));
        LocalDate solsticeAfter = day(SunLongitude.reachesInYear(270, year));
        long first = lunationStartingOnOrBefore(solsticeBefore);
        long next = lunationStartingOnOrBefore(solsticeAfter);
        int count = (int) (next - first);
        List<LocalDate> starts = new ArrayList<>();
        List<Instant> moons = new ArrayList<>();
        for (long k = first; k <= next; k++) {
            moons.add(NewMoons.newMoon(k));
            starts.add(day(moons.get(moons.size() - 1)));
        }
        int leapIndex = -1;
        if (count == 13) {
            List<LocalDate> principalTerms = principalTermsBetween(solsticeBefore, solsticeAfter, year);
            for (int i = 1; i < count; i++) {
                LocalDate from = starts.get(i);
                LocalDate until = starts.get(i + 1);
                if (principalTerms.stream().noneMatch(d -> !d.isBefore(from) && d.isBefore(until))) {
                    leapIndex = i;
                    break;
                }
            }
        } else if (count != 12) {
            throw new IllegalStateException(count + " lunations between the solstices of " + (year - 1) + " and " + year);
        }
        List<Month> months = new ArrayList<>();
        int number = 11;
        for (int i = 0; i < count; i++) {
            boolean leap = i == leapIndex;
            if (i > 0 && !leap) {
                number = number % 12 + 1;
            }
            months.add(new Month(number, leap, starts.get(i), moons.get(i)));
        }
        return new ChineseLunarYear(year, months);
    }

    /** The Gregorian date of a day of a (non-leap) month of this year; day 1 is the day of the new moon. */
    public LocalDate dateOf(int month, int day) {
        boolean pastNewYear = false;
        for (Month m : months) {
            pastNewYear |= m.number() == 1 && !m.leap();
            if (pastNewYear && m.number() == month && !m.leap()) {
                return m.firstDay().plusDays(day - 1L);
            }
        }
        throw new IllegalArgumentException("no month " + month + " in the lunar year starting in " + year);
    }

    /** 正月初一. */
    public LocalDate newYearsDay() {
        return dateOf(1, 1);
    }

    private static long lunationStartingOnOrBefore(LocalDate day) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(BEIJING).toInstant().minusNanos(1);
        return NewMoons.lunationAtOrBefore(endOfDay);
    }

    /** The days of the principal terms (longitudes 0°, 30°, … 330°) strictly between the two solstices. */
    private static List<LocalDate> principalTermsBetween(LocalDate solsticeBefore, LocalDate solsticeAfter, int year) {
        List<LocalDate> days = new ArrayList<>();
        // 大寒 (300°) and 雨水 (330°) come in January and February, the rest up to 小雪 (240°) by November.
        for (int longitude : new int[] {300, 330, 0, 30, 60, 90, 120, 150, 180, 210, 240}) {
            LocalDate d = day(SunLongitude.reachesInYear(longitude, year));
            if (d.isAfter(solsticeBefore) && d.isBefore(solsticeAfter)) {
                days.add(d);
            }
        }
        return days;
    }

    static LocalDate day(Instant instant) {
        return instant.atZone(BEIJING).toLocalDate();
    }
}
