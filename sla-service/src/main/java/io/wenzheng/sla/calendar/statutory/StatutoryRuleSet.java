package io.wenzheng.sla.calendar.statutory;

import java.time.LocalDate;
import java.util.List;

/** One version of the national holiday rules (全国年节及纪念日放假办法), in force from a date until the next version. */
public record StatutoryRuleSet(LocalDate effectiveFrom, String title, List<StatutoryHoliday> holidays) {
    public StatutoryRuleSet {
        holidays = List.copyOf(holidays);
    }
}
