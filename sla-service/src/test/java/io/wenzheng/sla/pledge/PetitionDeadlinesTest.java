package io.wenzheng.sla.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.sla.calendar.HolidayData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PetitionDeadlinesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final PetitionDeadlines pledge = new PetitionDeadlines(HolidayData.defaultCalendar(), PledgePolicy.DEFAULT);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // 2026-11-27 is a Friday, 2026-11-28 a Saturday
            "2026-11-27T09:00:00, WORKING_TIME",
            "2026-11-27T11:59:59, WORKING_TIME",
            "2026-11-27T12:00:00, REST_TIME",
            "2026-11-27T13:29:59, REST_TIME",
            "2026-11-27T13:30:00, WORKING_TIME",
            "2026-11-27T17:29:59, WORKING_TIME",
            "2026-11-27T17:30:00, REST_TIME",
            "2026-11-27T08:59:59, REST_TIME",
            "2026-11-28T10:00:00, REST_TIME",
            "2026-11-29T15:00:00, REST_TIME",
    })
    void officeHoursDecideTheLimit(String localTime, TimeBasis expected) {
        Instant received = ZonedDateTime.of(java.time.LocalDateTime.parse(localTime), SHANGHAI).toInstant();
        PetitionDeadlines.FirstResponse deadline = pledge.firstResponse(received);
        assertThat(deadline.basis()).isEqualTo(expected);
        assertThat(deadline.startedAt()).isEqualTo(received);
        assertThat(Duration.between(received, deadline.dueAt()))
                .isEqualTo(expected == TimeBasis.WORKING_TIME ? Duration.ofHours(1) : Duration.ofHours(8));
    }

    @ParameterizedTest(name = "last update {0} -> next due {1}")
    @CsvSource({
            // Three working days after the day of the update, at 17:30; the update's own day never counts.
            "2026-11-30T10:00:00, 2026-12-03T17:30:00", // Monday -> Thursday
            "2026-12-03T16:00:00, 2026-12-08T17:30:00", // Thursday -> Tuesday, over the weekend
            "2026-12-05T11:00:00, 2026-12-09T17:30:00", // Saturday -> Wednesday
            "2026-09-30T09:00:00, 2026-10-10T17:30:00", // before National Day: 10/8, 10/9, then the make-up Saturday 10/10
            "2026-02-13T09:00:00, 2026-02-25T17:30:00", // Friday before Spring Festival: 2/14 (make-up), 2/24, 2/25
    })
    void progressIsDueEveryThreeWorkingDays(String lastUpdate, String due) {
        assertThat(pledge.progressDue(at(lastUpdate))).isEqualTo(at(due));
    }

    @ParameterizedTest(name = "paused {0}, due {1}, resumed {2} -> {3}")
    @CsvSource({
            // Paused with 1 h 30 min of office time left; the citizen answers at once: nothing changes.
            "2026-12-04T16:00:00, 2026-12-04T17:30:00, 2026-12-04T16:00:00, 2026-12-04T17:30:00",
            // Same, answered on Saturday: the 1 h 30 min run from Monday's opening.
            "2026-12-04T16:00:00, 2026-12-04T17:30:00, 2026-12-05T20:00:00, 2026-12-07T10:30:00",
            // Paused at lunch with the whole afternoon and a day left; answered during Monday's lunch break.
            "2026-12-03T12:30:00, 2026-12-04T17:30:00, 2026-12-07T12:45:00, 2026-12-08T17:30:00",
            // Answered inside office hours: the 3 h left end across the lunch break.
            "2026-12-02T09:00:00, 2026-12-02T12:00:00, 2026-12-03T10:00:00, 2026-12-03T14:30:00",
            // Paused after office hours on Friday, answered on Sunday: Monday opening plus what was left (Monday whole).
            "2026-12-04T18:00:00, 2026-12-07T17:30:00, 2026-12-06T09:00:00, 2026-12-07T17:30:00",
    })
    void aPauseKeepsTheWorkingTimeThatWasLeft(String pausedAt, String dueAt, String resumedAt, String expected) {
        assertThat(pledge.resumedDue(at(pausedAt), at(dueAt), at(resumedAt))).isEqualTo(at(expected));
    }

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI).toInstant();
    }

    @org.junit.jupiter.api.Test
    void aReplanMovesADueTimeLaterButNeverEarlierThanTheUnitWasTold() {
        Instant received = Instant.parse("2027-01-06T02:00:00Z"); // Wednesday 10:00 in Beijing, provisional year
        Instant told = pledge.resolutionDue(received);
        assertThat(told).isEqualTo(Instant.parse("2027-01-13T09:30:00Z"));

        var extraRestDay = new PetitionDeadlines(HolidayData.defaultCalendar().withYear(new io.wenzheng.sla.calendar.HolidayYear(2027,
                java.util.Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 8)), java.util.Set.of(),
                io.wenzheng.sla.calendar.YearSource.LOADED)), PledgePolicy.DEFAULT);
        assertThat(extraRestDay.replan(io.wenzheng.contracts.Pledge.RESOLUTION, received, TimeBasis.WORKING_TIME, told).dueAt())
                .isEqualTo(Instant.parse("2027-01-14T09:30:00Z"));
        assertThat(extraRestDay.calendarBetween(received, Instant.parse("2027-01-14T09:30:00Z")))
                .isEqualTo(io.wenzheng.contracts.CalendarStatus.OFFICIAL);

        // A make-up Saturday would bring the fifth working day forward to the 12th: the unit keeps the 13th.
        var makeUpSaturday = new PetitionDeadlines(HolidayData.defaultCalendar().withYear(new io.wenzheng.sla.calendar.HolidayYear(2027,
                java.util.Set.of(LocalDate.of(2027, 1, 1)), java.util.Set.of(LocalDate.of(2027, 1, 9)),
                io.wenzheng.sla.calendar.YearSource.LOADED)), PledgePolicy.DEFAULT);
        assertThat(makeUpSaturday.resolutionDue(received)).isEqualTo(Instant.parse("2027-01-12T09:30:00Z"));
        assertThat(makeUpSaturday.replan(io.wenzheng.contracts.Pledge.RESOLUTION, received, TimeBasis.WORKING_TIME, told).dueAt())
                .isEqualTo(told);

        // The first response of a rest-time receipt whose day becomes a make-up working day keeps its 8 hours.
        Instant saturday = Instant.parse("2027-01-09T02:00:00Z");
        Instant eightHours = pledge.firstResponse(saturday).dueAt();
        var replanned = makeUpSaturday.replan(io.wenzheng.contracts.Pledge.FIRST_RESPONSE, saturday, TimeBasis.REST_TIME, eightHours);
        assertThat(replanned.dueAt()).isEqualTo(eightHours);
        assertThat(replanned.basis()).isEqualTo(TimeBasis.REST_TIME);
    }
}
