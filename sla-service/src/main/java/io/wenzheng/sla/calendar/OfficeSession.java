package io.wenzheng.sla.calendar;

import java.time.LocalTime;

/** A half-open stretch of office hours [start, end): 09:00 is inside, 12:00 is not. */
public record OfficeSession(LocalTime start, LocalTime end) {
    public OfficeSession {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("office session must start before it ends: " + start + "–" + end);
        }
    }

    boolean contains(LocalTime t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
