package io.wenzheng.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.sla.pledge.PetitionDeadlines;
import io.wenzheng.sla.pledge.PledgePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the calendar arithmetic over every instant of 2025 and 2026. */
class WorkCalendarPropertiesTest {
    private static final WorkCalendar CALENDAR = HolidayData.defaultCalendar();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final long FROM = 1735660800L; // 2025-01-01T00:00+08:00
    private static final long TO = 1797696000L; // 2026-12-20T00:00+08:00 (8 working days later is still 2026)

    @net.jqwik.api.Example
    void theBoundsAreWhatTheirCommentsSay() {
        assertThat(Instant.ofEpochSecond(FROM).atZone(SHANGHAI)).isEqualTo(ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, SHANGHAI));
        assertThat(Instant.ofEpochSecond(TO).atZone(SHANGHAI)).isEqualTo(ZonedDateTime.of(2026, 12, 20, 0, 0, 0, 0, SHANGHAI));
    }

    @Property
    void workingTimeImpliesAWorkingDay(@ForAll @LongRange(min = FROM, max = TO) long second) {
        Instant t = Instant.ofEpochSecond(second);
        if (CALENDAR.isWorkingTime(t)) {
            assertThat(CALENDAR.isWorkingDay(t.atZone(SHANGHAI).toLocalDate())).isTrue();
        }
    }

    @Property
    void firstResponseIsOneHourInWorkingTimeAndEightOtherwise(@ForAll @LongRange(min = FROM, max = TO) long second) {
        Instant t = Instant.ofEpochSecond(second);
        var deadline = new PetitionDeadlines(CALENDAR, PledgePolicy.DEFAULT).firstResponse(t);
        Duration allowed = Duration.between(t, deadline.dueAt());
        assertThat(allowed).isEqualTo(CALENDAR.isWorkingTime(t) ? Duration.ofHours(1) : Duration.ofHours(8));
        assertThat(deadline.basis() == TimeBasis.WORKING_TIME).isEqualTo(CALENDAR.isWorkingTime(t));
    }

    @Property
    void theNthWorkingDayIsAWorkingDayWithExactlyNWorkingDaysUpToIt(
            @ForAll @LongRange(min = FROM, max = TO) long second, @ForAll @IntRange(min = 1, max = 8) int n) {
        LocalDate day = Instant.ofEpochSecond(second).atZone(SHANGHAI).toLocalDate();
        ZonedDateTime due = CALENDAR.endOfNthWorkingDayAfter(day, n);
        LocalDate dueDay = due.toLocalDate();
        assertThat(dueDay).isAfter(day);
        assertThat(CALENDAR.isWorkingDay(dueDay)).isTrue();
        long working = day.plusDays(1).datesUntil(dueDay.plusDays(1)).filter(CALENDAR::isWorkingDay).count();
        assertThat(working).isEqualTo(n);
        assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 30));
    }

    @Property
    void moreDaysNeverMeansAnEarlierDeadline(@ForAll @LongRange(min = FROM, max = TO) long second, @ForAll @IntRange(min = 1, max = 7) int n) {
        Instant t = Instant.ofEpochSecond(second);
        var shorter = withResolutionDays(n).resolutionDue(t);
        var longer = withResolutionDays(n + 1).resolutionDue(t);
        assertThat(longer).isAfter(shorter);
    }

    @Property
    void theHourOfReceiptDoesNotMoveTheResolutionDeadline(@ForAll @LongRange(min = FROM, max = TO) long second) {
        ZonedDateTime received = Instant.ofEpochSecond(second).atZone(SHANGHAI);
        var pledge = withResolutionDays(5);
        var atMidnight = pledge.resolutionDue(received.toLocalDate().atStartOfDay(SHANGHAI).toInstant());
        assertThat(pledge.resolutionDue(received.toInstant())).isEqualTo(atMidnight);
    }

    @Property
    void addingTheWorkingTimeBetweenTwoInstantsNeverOvershootsTheSecond(
            @ForAll @LongRange(min = FROM, max = TO) long a, @ForAll @LongRange(min = 0, max = 10 * 86400) long span) {
        Instant from = Instant.ofEpochSecond(a);
        Instant to = from.plusSeconds(span);
        Duration working = CALENDAR.workingTimeBetween(from, to);
        assertThat(working).isLessThanOrEqualTo(Duration.ofSeconds(span));
        Instant reached = CALENDAR.plusWorkingTime(from, working);
        assertThat(reached).isBeforeOrEqualTo(to);
        // Nothing between the instant reached and the end is working time.
        assertThat(CALENDAR.workingTimeBetween(reached, to)).isZero();
    }

    @Property
    void workingTimeAddedIsWorkingTimeCounted(
            @ForAll @LongRange(min = FROM, max = TO) long a, @ForAll @LongRange(min = 0, max = 40 * 3600) long seconds) {
        Instant from = Instant.ofEpochSecond(a);
        Duration amount = Duration.ofSeconds(seconds);
        Instant end = CALENDAR.plusWorkingTime(from, amount);
        assertThat(CALENDAR.workingTimeBetween(from, end)).isEqualTo(amount);
        if (!amount.isZero()) {
            assertThat(CALENDAR.isWorkingTime(end.minusSeconds(1))).as("the last second added is working time").isTrue();
        }
    }

    @Property
    void workingTimeIsAdditive(@ForAll @LongRange(min = FROM, max = TO) long a,
                               @ForAll @LongRange(min = 0, max = 5 * 86400) long first, @ForAll @LongRange(min = 0, max = 5 * 86400) long second) {
        Instant t0 = Instant.ofEpochSecond(a);
        Instant t1 = t0.plusSeconds(first);
        Instant t2 = t1.plusSeconds(second);
        assertThat(CALENDAR.workingTimeBetween(t0, t2))
                .isEqualTo(CALENDAR.workingTimeBetween(t0, t1).plus(CALENDAR.workingTimeBetween(t1, t2)));
    }

    private static PetitionDeadlines withResolutionDays(int n) {
        return new PetitionDeadlines(CALENDAR, new PledgePolicy(Duration.ofHours(1), Duration.ofHours(8), n, 3, true));
    }
}
