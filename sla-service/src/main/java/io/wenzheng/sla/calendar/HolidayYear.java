package io.wenzheng.sla.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * One year's statutory days off and make-up working days (调休上班), as the State Council publishes them, or as the
 * statutory rules give them while no notice is known.
 */
public record HolidayYear(int year, Set<LocalDate> daysOff, Set<LocalDate> makeUpWorkdays, YearSource source) {
    public HolidayYear {
        daysOff = Set.copyOf(daysOff);
        makeUpWorkdays = Set.copyOf(makeUpWorkdays);
        for (LocalDate d : daysOff) {
            if (d.getYear() != year) {
                throw new IllegalArgumentException(d + " is not in " + year);
            }
        }
        if (daysOff.stream().anyMatch(makeUpWorkdays::contains)) {
            throw new IllegalArgumentException("a date cannot be both a day off and a make-up working day in " + year);
        }
    }
}
