package io.wenzheng.sla.calendar.statutory;

/** A holiday of the statutory rules: its name, where it starts, and how many consecutive days it gives. */
public record StatutoryHoliday(String name, HolidayRule rule, int days) {
    public StatutoryHoliday {
        if (days < 1) {
            throw new IllegalArgumentException(name + ": a holiday gives at least one day");
        }
    }
}
