package io.wenzheng.sla.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** A half-open stretch of office hours [start, end): 09:00 is inside, 12:00 is not. */
public record OfficeSession(LocalTime start, LocalTime end) {
    public OfficeSession {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("office session must start before it ends: " + start + "–" + end);
        }
    }

    /** Reads {@code 09:00-12:00}. */
    public static OfficeSession parse(String text) {
        String[] parts = text.strip().split("-");
        try {
            if (parts.length == 2) {
                return new OfficeSession(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            }
        } catch (DateTimeParseException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("office session must look like 09:00-12:00, was '" + text + "'");
    }

    boolean contains(LocalTime t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
