package io.wenzheng.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.sla.pledge.FirstResponsePledge;
import io.wenzheng.sla.pledge.ResolutionPledge;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
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
        var deadline = new FirstResponsePledge(CALENDAR).deadlineFor(t);
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
        var shorter = new ResolutionPledge(CALENDAR, n, Map.of()).dueFor(t, null);
        var longer = new ResolutionPledge(CALENDAR, n + 1, Map.of()).dueFor(t, null);
        assertThat(longer).isAfter(shorter);
    }

    @Property
    void theHourOfReceiptDoesNotMoveTheResolutionDeadline(@ForAll @LongRange(min = FROM, max = TO) long second) {
        ZonedDateTime received = Instant.ofEpochSecond(second).atZone(SHANGHAI);
        var pledge = new ResolutionPledge(CALENDAR, 5, Map.of());
        var atMidnight = pledge.dueFor(received.toLocalDate().atStartOfDay(SHANGHAI).toInstant(), null);
        assertThat(pledge.dueFor(received.toInstant(), null)).isEqualTo(atMidnight);
    }
}
