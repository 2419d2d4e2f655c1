package io.wenzheng.analytics.measure;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

/** A reporting period: a week from Monday, or a calendar month. {@code to} is exclusive. */
public record Period(Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { WEEKLY, MONTHLY }

    public static Period containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(kind, monday, monday.plusWeeks(1));
            }
            case MONTHLY -> {
                LocalDate first = day.withDayOfMonth(1);
                yield new Period(kind, first, first.plusMonths(1));
            }
        };
    }

    /** The last complete period before the day: what a report published on that day covers. */
    public static Period lastCompleteBefore(Kind kind, LocalDate day) {
        return containing(kind, day).previous();
    }

    public Period previous() {
        return containing(kind, from.minusDays(1));
    }

    public String id() {
        return kind.name().toLowerCase() + "-" + from;
    }

    /** 问政周报 2026-11-23 – 2026-11-29, or 问政月报 2026年11月. */
    public String title() {
        return kind == Kind.WEEKLY
                ? "问政周报 " + from + " – " + to.minusDays(1)
                : "问政月报 " + from.format(DateTimeFormatter.ofPattern("yyyy年M月"));
    }
}
