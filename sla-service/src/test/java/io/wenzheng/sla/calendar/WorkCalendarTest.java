package io.wenzheng.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkCalendarTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkCalendar CALENDAR = HolidayData.defaultCalendar();

    @ParameterizedTest(name = "{0} working day: {1}")
    @CsvSource({
            // 2026 holidays and their edges
            "2025-12-31, true", "2026-01-01, false", "2026-01-03, false", "2026-01-04, true", "2026-01-05, true",
            "2026-02-13, true", "2026-02-14, true", "2026-02-15, false", "2026-02-23, false", "2026-02-24, true", "2026-02-28, true",
            "2026-03-01, false",
            "2026-04-03, true", "2026-04-04, false", "2026-04-06, false", "2026-04-07, true",
            "2026-04-30, true", "2026-05-01, false", "2026-05-05, false", "2026-05-06, true", "2026-05-09, true", "2026-05-10, false",
            "2026-06-18, true", "2026-06-19, false", "2026-06-21, false", "2026-06-22, true",
            "2026-09-20, true", "2026-09-24, true", "2026-09-25, false", "2026-09-27, false", "2026-09-28, true",
            "2026-09-30, true", "2026-10-01, false", "2026-10-07, false", "2026-10-08, true", "2026-10-10, true", "2026-10-11, false",
            // plain weekends and weekdays
            "2026-11-27, true", "2026-11-28, false", "2026-11-29, false", "2026-11-30, true",
            // 2025 samples
            "2025-01-26, true", "2025-01-28, false", "2025-02-04, false", "2025-02-05, true", "2025-10-08, false", "2025-10-11, true",
    })
    void workingDays(LocalDate day, boolean working) {
        assertThat(CALENDAR.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} is working time: {1}")
    @CsvSource({
            "2026-11-27T08:59:59, false", "2026-11-27T09:00:00, true", "2026-11-27T11:59:59.999, true",
            "2026-11-27T12:00:00, false", "2026-11-27T13:29:59, false", "2026-11-27T13:30:00, true",
            "2026-11-27T17:29:59, true", "2026-11-27T17:30:00, false", "2026-11-27T23:00:00, false",
            "2026-02-14T10:00:00, true", "2026-02-16T10:00:00, false", "2026-10-10T09:00:00, true", "2026-10-11T09:00:00, false",
    })
    void officeHoursAreHalfOpen(LocalDateTime local, boolean working) {
        assertThat(CALENDAR.isWorkingTime(local.atZone(SHANGHAI).toInstant())).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} working days -> {2}")
    @CsvSource({
            "2026-11-27, 1, 2026-11-30T17:30", // Friday -> Monday
            "2026-11-27, 5, 2026-12-04T17:30",
            "2026-02-13, 1, 2026-02-14T17:30", // make-up Saturday counts
            "2026-02-14, 5, 2026-02-28T17:30", // across the Spring Festival, ending on a make-up Saturday
            "2026-09-30, 1, 2026-10-08T17:30", // across National Day
            "2026-12-31, 1, 2027-01-04T17:30", // 1 January 2027 is 元旦 in the provisional calendar
    })
    void nthWorkingDayAfter(LocalDate day, int n, LocalDateTime expected) {
        assertThat(CALENDAR.endOfNthWorkingDayAfter(day, n)).isEqualTo(expected.atZone(SHANGHAI));
    }

    @Test
    void aYearWithoutANoticeIsProvisionalAndAYearTheRulesCannotComputeIsALoudError() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 3, 1))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 2, 5))).as("除夕 2027").isFalse();
        assertThat(CALENDAR.statusBetween(Instant.parse("2026-12-20T02:00:00Z"), Instant.parse("2026-12-31T09:30:00Z")))
                .isEqualTo(io.wenzheng.contracts.CalendarStatus.OFFICIAL);
        assertThat(CALENDAR.statusBetween(Instant.parse("2026-12-28T02:00:00Z"), Instant.parse("2027-01-05T09:30:00Z")))
                .isEqualTo(io.wenzheng.contracts.CalendarStatus.PROVISIONAL);
        assertThatThrownBy(() -> CALENDAR.isWorkingTime(Instant.parse("2006-06-05T02:00:00Z")))
                .isInstanceOf(MissingHolidayDataException.class).hasMessageContaining("2006").hasMessageContaining("2025–2035");
    }

    @Test
    void pastYearsHaveTheirNoticesForImportedHistory() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2019, 10, 1))).as("国庆 2019").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2019, 9, 29))).as("a Sunday worked to make up for 国庆 2019").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2011, 2, 3))).as("春节 2011").isFalse();
        assertThat(CALENDAR.statusBetween(Instant.parse("2019-04-25T01:32:09Z"), Instant.parse("2019-05-10T06:56:03Z")))
                .isEqualTo(io.wenzheng.contracts.CalendarStatus.OFFICIAL);
    }

    @Test
    void aLoadedNoticeReplacesTheProvisionalYear() {
        var notice = new HolidayYear(2027, java.util.Set.of(LocalDate.of(2027, 1, 4)), java.util.Set.of(LocalDate.of(2027, 1, 9)),
                YearSource.LOADED);
        WorkCalendar loaded = CALENDAR.withYear(notice);
        assertThat(loaded.isWorkingDay(LocalDate.of(2027, 1, 4))).isFalse();
        assertThat(loaded.isWorkingDay(LocalDate.of(2027, 1, 9))).as("make-up Saturday").isTrue();
        assertThat(loaded.isWorkingDay(LocalDate.of(2027, 2, 5))).as("除夕 is not in this notice").isTrue();
        assertThat(loaded.years().get(2027).source()).isEqualTo(YearSource.LOADED);
        assertThat(CALENDAR.years().get(2027).source()).as("the original is unchanged").isEqualTo(YearSource.PROVISIONAL);
        assertThat(loaded.provisionalYearsBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2028, 1, 30))).containsExactly(2028);
    }

    @Test
    void seasonalHoursReplaceTheDefaultBetweenTheirDates() {
        var summer = new SeasonalHours(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), List.of(
                new OfficeSession(java.time.LocalTime.of(8, 30), java.time.LocalTime.of(12, 0)),
                new OfficeSession(java.time.LocalTime.of(14, 30), java.time.LocalTime.of(18, 0))));
        var calendar = new WorkCalendar("cn", SHANGHAI, WorkCalendar.STANDARD_HOURS, List.of(summer),
                Map.of(2026, new HolidayYear(2026, java.util.Set.of(), java.util.Set.of(), io.wenzheng.sla.calendar.YearSource.BUNDLED)));
        assertThat(calendar.isWorkingTime(ZonedDateTime.of(2026, 7, 1, 8, 45, 0, 0, SHANGHAI).toInstant())).isTrue();
        assertThat(calendar.isWorkingTime(ZonedDateTime.of(2026, 7, 1, 14, 0, 0, 0, SHANGHAI).toInstant())).isFalse();
        assertThat(calendar.isWorkingTime(ZonedDateTime.of(2026, 10, 8, 8, 45, 0, 0, SHANGHAI).toInstant())).isFalse();
        assertThat(calendar.endOfNthWorkingDayAfter(LocalDate.of(2026, 7, 1), 1)).isEqualTo(ZonedDateTime.of(2026, 7, 2, 18, 0, 0, 0, SHANGHAI));
    }

    @Test
    void badHolidayFilesAreRejected() {
        assertThatThrownBy(() -> HolidayData.parse(new java.io.ByteArrayInputStream("{\"year\":2026}".getBytes())))
                .isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> HolidayData.parse(new java.io.ByteArrayInputStream(
                "{\"year\":2026,\"days\":[{\"date\":\"2026-01-01\",\"isOffDay\":true},{\"date\":\"2026-01-01\",\"isOffDay\":false}]}".getBytes())))
                .isInstanceOf(HolidayData.InvalidNoticeException.class).hasMessage("days[1]: 2026-01-01 is listed twice");
        assertThatThrownBy(() -> notice("{\"year\":2027,\"days\":[{\"date\":\"2026-12-31\",\"isOffDay\":true}]}"))
                .hasMessage("days[0]: 2026-12-31 is not in 2027");
        assertThatThrownBy(() -> notice("{\"year\":2027,\"days\":[{\"date\":\"2027-01-04\",\"isOffDay\":\"yes\"}]}"))
                .hasMessage("days[0] (2027-01-04): 'isOffDay' must be true or false");
        assertThatThrownBy(() -> notice("{\"year\":2027,\"days\":[{\"date\":\"2027-01-05\",\"isOffDay\":false}]}"))
                .hasMessageContaining("days[0]: 2027-01-05 is a tuesday, but a make-up working day");
        assertThatThrownBy(() -> notice("{\"year\":2027,\"days\":[{\"date\":\"2027-13-01\",\"isOffDay\":true}]}"))
                .hasMessageContaining("days[0]: '2027-13-01' is not an ISO date");
        assertThatThrownBy(() -> notice("{\"year\":2027,")).hasMessageStartingWith("not JSON");
    }

    private static HolidayYear notice(String json) throws java.io.IOException {
        return HolidayData.parse(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), YearSource.LOADED);
    }

    @ParameterizedTest(name = "[{0}, {1}) holds {2} of working time")
    @CsvSource({
            "2026-11-27T09:00:00, 2026-11-27T12:00:00, PT3H",
            "2026-11-27T11:00:00, 2026-11-27T14:00:00, PT1H30M", // lunch does not count
            "2026-11-27T17:00:00, 2026-11-30T09:30:00, PT1H", // Friday's last half hour, Monday's first
            "2026-11-27T00:00:00, 2026-11-28T00:00:00, PT7H", // a whole working day
            "2026-09-30T17:00:00, 2026-10-08T09:10:00, PT40M", // National Day: nothing from 10/1 to 10/7
            "2026-10-09T17:00:00, 2026-10-10T10:00:00, PT1H30M", // the make-up Saturday counts
            "2026-02-14T17:00:00, 2026-02-24T09:30:00, PT1H", // make-up Saturday, then Spring Festival
            "2026-11-27T12:00:00, 2026-11-27T12:00:00, PT0S",
            "2026-11-27T15:00:00, 2026-11-27T10:00:00, PT0S", // backwards: none
    })
    void workingTimeBetween(String from, String to, java.time.Duration expected) {
        assertThat(CALENDAR.workingTimeBetween(at(from), at(to))).isEqualTo(expected);
        if (!expected.isZero()) {
            assertThat(CALENDAR.plusWorkingTime(at(from), expected)).isBeforeOrEqualTo(at(to));
        }
    }

    @Test
    void overlappingOrMalformedOfficeHoursAreRefused() {
        assertThatThrownBy(() -> OfficeSession.parse("9-12")).hasMessageContaining("09:00-12:00");
        assertThatThrownBy(() -> new WorkCalendar("x", SHANGHAI,
                List.of(OfficeSession.parse("09:00-12:00"), OfficeSession.parse("11:00-17:00")), List.of(), Map.of()))
                .hasMessageContaining("must not overlap");
    }

    private static Instant at(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), SHANGHAI).toInstant();
    }
}
