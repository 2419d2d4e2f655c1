package io.wenzheng.sla.calendar;

/** A question about a year the calendar has no holidays for, neither from a notice nor from the statutory rules. */
public class MissingHolidayDataException extends IllegalArgumentException {
    public MissingHolidayDataException(String message) {
        super(message);
    }
}
