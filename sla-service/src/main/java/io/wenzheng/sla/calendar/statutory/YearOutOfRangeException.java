package io.wenzheng.sla.calendar.statutory;

import io.wenzheng.sla.calendar.MissingHolidayDataException;

/** A year with no loaded notice that the statutory rules cannot compute either. */
public class YearOutOfRangeException extends MissingHolidayDataException {
    public YearOutOfRangeException(int year, int first, int last) {
        super(year + " has no holiday notice, and the statutory rules compute only " + first + "–" + last);
    }
}
