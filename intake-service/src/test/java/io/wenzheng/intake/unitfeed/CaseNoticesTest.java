package io.wenzheng.intake.unitfeed;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.CalendarStatus;
import io.wenzheng.contracts.CaseChange;
import io.wenzheng.contracts.CaseUpdate;
import io.wenzheng.contracts.CitizenReplied;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.PetitionReturned;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.PetitionTransferred;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseNoticesTest {
    private static final String ID = "01JDQ8Z6X0ABCDEFGHJKMNPQRS";
    private static final Instant AT = Instant.parse("2026-12-04T02:00:00Z");

    @Test
    void aTransferTellsTheUnitItLeftAndTheUnitItReached() {
        var notices = CaseNotices.of("A3", "A-ENV", new PetitionTransferred(ID, "A3", "A-ENV", "生态环境局", "环境保护", "市级重点工程", AT, null, null));
        assertThat(notices).containsExactly(
                new CaseNotices.Notice("A3", CaseChange.TRANSFERRED_AWAY, false, "市级重点工程"),
                new CaseNotices.Notice("A-ENV", CaseChange.TRANSFERRED_IN, true, "市级重点工程"));
    }

    @Test
    void aHandBackTellsTheUnitThatHandedItBackThatItIsNoLongerItsOwn() {
        assertThat(CaseNotices.of("A3", null, new PetitionReturned(ID, "A3", "不属于本单位", AT)))
                .containsExactly(new CaseNotices.Notice("A3", CaseChange.RETURNED, false, "不属于本单位"));
    }

    @Test
    void eventsBeforeAnyUnitHoldsThePetitionReachNobody() {
        assertThat(CaseNotices.of(null, null, new PetitionReceived(ID, "ABCDEFGH", io.wenzheng.contracts.Channel.WEB, null, "噪音", null, null, AT, null)))
                .isEmpty();
        assertThat(CaseNotices.of(null, null, new DeadlineSet(ID, Pledge.FIRST_RESPONSE, TimeBasis.WORKING_TIME, AT, AT, CalendarStatus.OFFICIAL)))
                .isEmpty();
    }

    @Test
    void theHoldingUnitHearsEveryOtherChangeAndNotesAreRedacted() {
        assertThat(CaseNotices.of(null, "A3", new PetitionRouted(ID, "环境保护", "A3", "A3区", 0.9, "r", AT, null, null, "A3")))
                .containsExactly(new CaseNotices.Notice("A3", CaseChange.ROUTED, true, null));
        assertThat(CaseNotices.of("A3", "A3", new CitizenReplied(ID, "在3号楼，电话13812345678", AT)).get(0).note())
                .contains("3号楼").doesNotContain("13812345678");
        assertThat(CaseNotices.of("A3", "A3", new PetitionResolved(ID, "A3", "已处理", AT)))
                .containsExactly(new CaseNotices.Notice("A3", CaseChange.RESOLVED, true, "已处理"));
        var moved = new DeadlineSet(ID, Pledge.RESOLUTION, TimeBasis.WORKING_TIME, AT, AT.plusSeconds(86400), CalendarStatus.OFFICIAL,
                AT, DeadlineSet.CALENDAR_NOTICE);
        assertThat(CaseNotices.of("A3", "A3", moved)).extracting(CaseNotices.Notice::change).containsExactly(CaseChange.DEADLINE_MOVED);
    }

    @Test
    void aClockFollowsItsEvents() {
        var set = new DeadlineSet(ID, Pledge.FIRST_RESPONSE, TimeBasis.REST_TIME, AT, AT.plusSeconds(8 * 3600), CalendarStatus.PROVISIONAL);
        CaseUpdate.Clock running = CaseNotices.clockAfter(set, null);
        assertThat(running).isEqualTo(new CaseUpdate.Clock(Pledge.FIRST_RESPONSE, AT.plusSeconds(8 * 3600), TimeBasis.REST_TIME,
                CalendarStatus.PROVISIONAL, CaseUpdate.ClockState.RUNNING));
        CaseUpdate.Clock breached = CaseNotices.clockAfter(new DeadlineBreached(ID, Pledge.FIRST_RESPONSE, "A3", running.dueAt(), AT, false), running);
        assertThat(breached.state()).isEqualTo(CaseUpdate.ClockState.BREACHED);
        assertThat(breached.dueAt()).isEqualTo(running.dueAt());
        assertThat(CaseNotices.clockAfter(new DeadlineBreached(ID, Pledge.FIRST_RESPONSE, "A3", AT, AT, false), null))
                .as("a breach of a clock intake never heard of sets nothing").isNull();
        assertThat(CaseNotices.pledgeOf(new PetitionResolved(ID, "A3", "x", AT))).isNull();
    }
}
