package io.wenzheng.sla.pledge;

import io.wenzheng.contracts.CalendarStatus;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.sla.calendar.WorkCalendar;
import java.time.Duration;
import java.time.Instant;

/** Every deadline of a petition, from its region's calendar and its category's policy. */
public final class PetitionDeadlines {
    private final WorkCalendar calendar;
    private final PledgePolicy policy;

    public PetitionDeadlines(WorkCalendar calendar, PledgePolicy policy) {
        this.calendar = calendar;
        this.policy = policy;
    }

    public PledgePolicy policy() {
        return policy;
    }

    public record FirstResponse(TimeBasis basis, Instant startedAt, Instant dueAt) {
    }

    /** 有呼必应: wall-clock limits, the shorter one when the petition arrives in working time. */
    public FirstResponse firstResponse(Instant receivedAt) {
        return calendar.isWorkingTime(receivedAt)
                ? new FirstResponse(TimeBasis.WORKING_TIME, receivedAt, receivedAt.plus(policy.workingTimeResponse()))
                : new FirstResponse(TimeBasis.REST_TIME, receivedAt, receivedAt.plus(policy.restTimeResponse()));
    }

    /** The end of office hours of the N-th working day after the day of receipt; that day never counts. */
    public Instant resolutionDue(Instant receivedAt) {
        return endOfNthWorkingDayAfter(receivedAt, policy.resolutionWorkingDays());
    }

    /** The latest moment for the next progress update after the first response or the last update. */
    public Instant progressDue(Instant lastUpdate) {
        return endOfNthWorkingDayAfter(lastUpdate, policy.progressWorkingDays());
    }

    /**
     * The deadline after a pause: the working time that was left when the clock stopped is left again when it
     * starts, so a citizen who takes a weekend to answer costs the unit nothing.
     */
    public Instant resumedDue(Instant pausedAt, Instant dueAt, Instant resumedAt) {
        Duration left = calendar.workingTimeBetween(pausedAt, dueAt);
        return calendar.plusWorkingTime(resumedAt, left);
    }

    /** A clock's due time as the rules give it; the basis is that of the first response, null for the other clocks. */
    public record Plan(TimeBasis basis, Instant dueAt) {
    }

    /** The due time of a clock started at {@code startedAt}, as the rules give it from scratch. */
    public Plan plan(Pledge pledge, Instant startedAt) {
        return switch (pledge) {
            case FIRST_RESPONSE -> {
                FirstResponse first = firstResponse(startedAt);
                yield new Plan(first.basis(), first.dueAt());
            }
            case RESOLUTION -> new Plan(null, resolutionDue(startedAt));
            case PROGRESS -> new Plan(null, progressDue(startedAt));
        };
    }

    /**
     * A re-plan after the calendar changed (a year's notice replaced its provisional calendar). The due time never
     * moves earlier than the one the unit was told, so a notice that adds make-up working days cannot make a unit
     * late for a promise it planned around; a notice that adds days off moves it later. A clock extended by a pause
     * keeps its extension the same way.
     */
    public Plan replan(Pledge pledge, Instant startedAt, TimeBasis basis, Instant told) {
        Plan fresh = plan(pledge, startedAt);
        return fresh.dueAt().isAfter(told) ? new Plan(fresh.basis() == null ? basis : fresh.basis(), fresh.dueAt())
                : new Plan(basis, told);
    }

    /** Whether a deadline computed between these two instants rests on published notices only. */
    public CalendarStatus calendarBetween(Instant startedAt, Instant dueAt) {
        return calendar.statusBetween(startedAt, dueAt);
    }

    private Instant endOfNthWorkingDayAfter(Instant at, int n) {
        return calendar.endOfNthWorkingDayAfter(at.atZone(calendar.zone()).toLocalDate(), n).toInstant();
    }
}
