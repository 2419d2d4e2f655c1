package io.wenzheng.sla.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.ImportedRecord;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.sla.calendar.HolidayData;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoricalPledgesTest {
    private final PetitionDeadlines deadlines = new PetitionDeadlines(HolidayData.defaultCalendar(), PledgePolicy.DEFAULT);
    // A Wednesday at 10:00 in the city: one working hour to answer.
    private final Instant received = Instant.parse("2025-03-05T02:00:00Z");

    @Test
    void anAnswerWithinTheHourKeptThePledgeAndALateOneBrokeIt() {
        var kept = HistoricalPledges.verdicts("P", received,
                new ImportedRecord("J", "A3", received.plusSeconds(1800), received.plusSeconds(86_400)), deadlines);
        assertThat(kept).extracting(s -> s.event().getClass().getSimpleName())
                .containsExactly("DeadlineSet", "DeadlineMet", "DeadlineSet", "DeadlineMet");
        var set = (DeadlineSet) kept.get(0).event();
        assertThat(set.pledge()).isEqualTo(Pledge.FIRST_RESPONSE);
        assertThat(set.dueAt()).isEqualTo(received.plusSeconds(3600));
        assertThat(((DeadlineMet) kept.get(1).event()).elapsedSeconds()).isEqualTo(1800);
        assertThat(kept.get(1).at()).isEqualTo(received.plusSeconds(1800));

        var late = HistoricalPledges.verdicts("P", received,
                new ImportedRecord("J", "A3", received.plusSeconds(11 * 86_400), received.plusSeconds(11 * 86_400)), deadlines);
        var breached = (DeadlineBreached) late.get(1).event();
        assertThat(breached.pledge()).isEqualTo(Pledge.FIRST_RESPONSE);
        assertThat(breached.breachedAt()).isEqualTo(set.dueAt());
        assertThat(late.get(1).at()).isEqualTo(set.dueAt());
    }

    @Test
    void whatTheRecordLeavesOpenIsNotJudged() {
        var open = new ImportedRecord("J", null, received.plusSeconds(1800), null);
        assertThat(HistoricalPledges.settled(open)).containsExactly(Pledge.FIRST_RESPONSE);
        assertThat(HistoricalPledges.verdicts("P", received, open, deadlines)).hasSize(2);
        var unanswered = new ImportedRecord("J", null, null, null);
        assertThat(HistoricalPledges.settled(unanswered)).isEmpty();
        assertThat(HistoricalPledges.verdicts("P", received, unanswered, deadlines)).isEmpty();
    }
}
