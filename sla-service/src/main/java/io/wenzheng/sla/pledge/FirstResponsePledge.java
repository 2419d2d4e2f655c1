package io.wenzheng.sla.pledge;

import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.sla.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;

/** 有呼必应: respond within 1 hour of a petition that arrives in working time, within 8 hours otherwise. */
public final class FirstResponsePledge {
    public static final Duration WORKING_TIME_LIMIT = Duration.ofHours(1);
    public static final Duration REST_TIME_LIMIT = Duration.ofHours(8);

    private final BusinessCalendar calendar;

    public FirstResponsePledge(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public record Deadline(TimeBasis basis, Instant startedAt, Instant dueAt) {
    }

    public Deadline deadlineFor(Instant receivedAt) {
        return calendar.isWorkingTime(receivedAt)
                ? new Deadline(TimeBasis.WORKING_TIME, receivedAt, receivedAt.plus(WORKING_TIME_LIMIT))
                : new Deadline(TimeBasis.REST_TIME, receivedAt, receivedAt.plus(REST_TIME_LIMIT));
    }
}
