package io.wenzheng.sla.calendar.statutory;

import io.wenzheng.sla.calendar.astronomy.ChineseLunarYear;
import io.wenzheng.sla.calendar.astronomy.SunLongitude;
import java.time.LocalDate;

/** How the statutory rules name the first day of a holiday in a given Gregorian year. */
public sealed interface HolidayRule {
    LocalDate firstDay(int year);

    /** A Gregorian date, such as 1 October. */
    record Fixed(int month, int day) implements HolidayRule {
        public LocalDate firstDay(int year) {
            return LocalDate.of(year, month, day);
        }
    }

    /** A day of a month of the Chinese calendar, such as 八月十五. */
    record Lunar(int month, int day) implements HolidayRule {
        public LocalDate firstDay(int year) {
            return ChineseLunarYear.of(year).dateOf(month, day);
        }
    }

    /** 除夕: the last day of the lunar year that ends in this Gregorian year (the eve of 正月初一). */
    record LunarNewYearsEve() implements HolidayRule {
        public LocalDate firstDay(int year) {
            return ChineseLunarYear.of(year).newYearsDay().minusDays(1);
        }
    }

    /** The day, in Beijing time, the Sun reaches an ecliptic longitude: 15° is 清明. */
    record SolarTerm(int longitude) implements HolidayRule {
        public LocalDate firstDay(int year) {
            return SunLongitude.reachesInYear(longitude, year).atZone(ChineseLunarYear.BEIJING).toLocalDate();
        }
    }
}
