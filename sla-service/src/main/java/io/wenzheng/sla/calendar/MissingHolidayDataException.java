package io.wenzheng.sla.calendar;

/** A question about a year the calendar has no holiday data for: never answered as if there were no holidays. */
public class MissingHolidayDataException extends IllegalArgumentException {
    public MissingHolidayDataException(String region, int year) {
        super("no holiday data for " + year + " in region " + region + "; add calendar/" + region + "/" + year + ".json");
    }
}
