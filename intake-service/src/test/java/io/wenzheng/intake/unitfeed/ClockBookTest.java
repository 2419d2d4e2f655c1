package io.wenzheng.intake.unitfeed;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.CalendarStatus;
import io.wenzheng.contracts.CaseUpdate;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockBookTest {
    private static final String ID = "01JDQ8Z6X0ABCDEFGHJKMNPQRS";
    private static final String OTHER = "01JDQ8Z6X0ABCDEFGHJKMNPQRT";
    private static final Instant AT = Instant.parse("2026-12-04T02:00:00Z");
    private static final Instant DUE = AT.plusSeconds(3600);

    @Test
    void aClockSetAndBreachedInOneBatchIsSeenBreachedWithItsDueTimeByTheEventsAfter() {
        ClockBook book = new ClockBook(List.of());
        book.follow(ID, new DeadlineSet(ID, Pledge.FIRST_RESPONSE, TimeBasis.WORKING_TIME, AT, DUE, CalendarStatus.OFFICIAL));
        assertThat(book.of(ID)).containsExactly(
                new CaseUpdate.Clock(Pledge.FIRST_RESPONSE, DUE, TimeBasis.WORKING_TIME, CalendarStatus.OFFICIAL, CaseUpdate.ClockState.RUNNING));
        book.follow(ID, new DeadlineBreached(ID, Pledge.FIRST_RESPONSE, "A3", DUE, DUE, false));
        assertThat(book.of(ID)).extracting(CaseUpdate.Clock::state, CaseUpdate.Clock::dueAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CaseUpdate.ClockState.BREACHED, DUE));
        assertThat(book.of(OTHER)).isEmpty();
    }

    @Test
    void aStoredClockIsFollowedAndEventsAboutNoClockOrAnUnknownClockChangeNothing() {
        ClockBook book = new ClockBook(List.of(new ClockBook.Stored(ID,
                new CaseUpdate.Clock(Pledge.RESOLUTION, DUE, TimeBasis.WORKING_TIME, CalendarStatus.OFFICIAL, CaseUpdate.ClockState.RUNNING))));
        book.follow(ID, new PetitionResolved(ID, "A3", "已处理", AT));
        book.follow(ID, new DeadlineMet(ID, Pledge.FIRST_RESPONSE, "A3", DUE, AT, 60L));
        assertThat(book.of(ID)).extracting(CaseUpdate.Clock::pledge).containsExactly(Pledge.RESOLUTION);
        book.follow(ID, new DeadlineMet(ID, Pledge.RESOLUTION, "A3", DUE, AT, 60L));
        book.follow(ID, new DeadlineSet(ID, Pledge.FIRST_RESPONSE, TimeBasis.REST_TIME, AT, DUE, CalendarStatus.OFFICIAL));
        assertThat(book.of(ID)).extracting(CaseUpdate.Clock::pledge, CaseUpdate.Clock::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Pledge.FIRST_RESPONSE, CaseUpdate.ClockState.RUNNING),
                org.assertj.core.groups.Tuple.tuple(Pledge.RESOLUTION, CaseUpdate.ClockState.MET));
    }
}
