package io.wenzheng.sla.calendar.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import io.wenzheng.sla.calendar.astronomy.ChineseLunarYear;
import io.wenzheng.sla.calendar.astronomy.SunLongitude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every lunar holiday of 2027–2035 computed here against ICU4J's Chinese calendar, and every event that decides a
 * holiday and lies within 10 minutes of midnight in Beijing. Both lists are written out with the decision taken, so a
 * change to either computation shows up here.
 */
class IcuCrossCheckTest {
    private static final java.time.Duration NEAR = java.time.Duration.ofMinutes(10);

    /** Where ICU4J 76.1 and this computation disagree, and why this one is kept. */
    private static final Map<String, String> DISAGREEMENTS = new TreeMap<>(Map.of(
            "2027 正月初一: ours 2027-02-06, ICU 2027-02-07",
            "kept ours: the new moon is at 23:56 Beijing time on 6 February, and ICU's lower-precision lunar theory puts it "
                    + "past midnight; the published almanacs have 6 February too, so 除夕 is 5 February",
            "2030 正月初一: ours 2030-02-03, ICU 2030-02-02",
            "kept ours: the new moon is at 00:07 Beijing time on 3 February, and ICU puts it before midnight; the published "
                    + "almanacs have 3 February too, so 除夕 is 2 February"));

    /** Events that decide a holiday's day and lie within 10 minutes of midnight, Beijing time. */
    private static final Map<String, String> NEAR_MIDNIGHT = new TreeMap<>(Map.of(
            "2027 new moon starting 正月 at 2027-02-06T23:56",
            "6 February: 4 minutes before midnight, far beyond Meeus's error (under 17 s) and ΔT's (about 2 s)",
            "2030 new moon starting 正月 at 2030-02-03T00:07",
            "3 February: 7 minutes after midnight, likewise far beyond the error of the computation"));

    @Test
    void icuAgreesExceptWhereWrittenDown() {
        Map<String, String> found = new TreeMap<>();
        for (int year = 2027; year <= 2035; year++) {
            ChineseLunarYear ours = ChineseLunarYear.of(year);
            compare(found, year, "正月初一", ours.newYearsDay(), icu(year, 0, 1));
            compare(found, year, "端午", ours.dateOf(5, 5), icu(year, 4, 5));
            compare(found, year, "中秋", ours.dateOf(8, 15), icu(year, 7, 15));
        }
        assertThat(found.keySet()).isEqualTo(DISAGREEMENTS.keySet());
    }

    @Test
    void eventsWithinTenMinutesOfMidnightAreWrittenDown() {
        Map<String, String> found = new TreeMap<>();
        for (int year = 2027; year <= 2035; year++) {
            ChineseLunarYear lunar = ChineseLunarYear.of(year);
            for (int month : new int[] {1, 5, 8}) {
                var m = lunar.months().stream().filter(x -> x.number() == month && !x.leap() && !x.firstDay().isBefore(lunar.newYearsDay()))
                        .findFirst().orElseThrow();
                if (nearMidnight(m.newMoon())) {
                    found.put(year + " new moon starting " + name(month) + " at " + minute(m.newMoon()), "");
                }
            }
            Instant qingming = SunLongitude.reachesInYear(15, year);
            if (nearMidnight(qingming)) {
                found.put(year + " 清明 at " + minute(qingming), "");
            }
        }
        assertThat(found.keySet()).isEqualTo(NEAR_MIDNIGHT.keySet());
    }

    private static void compare(Map<String, String> found, int year, String holiday, LocalDate ours, LocalDate icu) {
        if (!ours.equals(icu)) {
            found.put(year + " " + holiday + ": ours " + ours + ", ICU " + icu, "");
        }
    }

    /** The Gregorian date ICU gives a day of a (non-leap) month of the lunar year that starts in {@code year}. */
    private static LocalDate icu(int year, int month, int day) {
        ChineseCalendar chinese = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() <= year; d = d.plusDays(1)) {
            chinese.setTimeInMillis(d.atTime(LocalTime.NOON).atZone(ChineseLunarYear.BEIJING).toInstant().toEpochMilli());
            if (chinese.get(ChineseCalendar.MONTH) == month && chinese.get(ChineseCalendar.IS_LEAP_MONTH) == 0
                    && chinese.get(ChineseCalendar.DAY_OF_MONTH) == day) {
                return d;
            }
        }
        throw new IllegalStateException("ICU has no month " + (month + 1) + " day " + day + " in " + year);
    }

    private static boolean nearMidnight(Instant instant) {
        ZonedDateTime local = instant.atZone(ChineseLunarYear.BEIJING);
        ZonedDateTime midnightBefore = local.toLocalDate().atStartOfDay(ChineseLunarYear.BEIJING);
        ZonedDateTime midnightAfter = midnightBefore.plusDays(1);
        return java.time.Duration.between(midnightBefore, local).compareTo(NEAR) < 0
                || java.time.Duration.between(local, midnightAfter).compareTo(NEAR) < 0;
    }

    private static String minute(Instant instant) {
        return instant.atZone(ChineseLunarYear.BEIJING).toLocalDateTime().withSecond(0).withNano(0).toString();
    }

    private static String name(int month) {
        return switch (month) {
            case 1 -> "正月";
            case 5 -> "五月";
            default -> "八月";
        };
    }

}
