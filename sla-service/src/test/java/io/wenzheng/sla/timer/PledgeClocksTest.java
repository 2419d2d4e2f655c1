package io.wenzheng.sla.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.CitizenReplied;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineEscalated;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlinePaused;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.DeadlineWarning;
import io.wenzheng.contracts.EscalationStep;
import io.wenzheng.contracts.ImportedRecord;
import io.wenzheng.contracts.PetitionAwaitingCitizen;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.PetitionMerged;
import io.wenzheng.contracts.PetitionProgressReported;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionRejected;
import io.wenzheng.contracts.PetitionReopened;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.PetitionTransferred;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.sla.calendar.CalendarRegions;
import io.wenzheng.sla.calendar.HolidayData;
import io.wenzheng.sla.pledge.PolicyBook;
import io.wenzheng.sla.pledge.SlaRules;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every clock transition, without Quarkus, a database or a real clock. */
class PledgeClocksTest {
    static final TimerPolicy POLICY = new TimerPolicy(0.8, List.of(Duration.ofHours(2), Duration.ofHours(24)));
    static final SlaRules RULES = new SlaRules(CalendarRegions.single(HolidayData.defaultCalendar()), PolicyBook.standard());
    static final PledgeClocks CLOCKS = new PledgeClocks(RULES, POLICY);
    // Friday 2026-12-04 10:00 in the city: office hours.
    static final Instant FRIDAY_10 = Instant.parse("2026-12-04T02:00:00Z");
    static final String ID = "p-1";

    static PetitionReceived received(Instant at) {
        return new PetitionReceived(ID, "WZ-1", Channel.WEB, "路灯不亮", "小区门口路灯坏了一周", null, "c-1", at, null);
    }

    static PetitionRouted routed(String region, Instant at) {
        return new PetitionRouted(ID, "城乡建设", "U-ROADS", "市政设施维护中心", 0.9, "test", at, region, null, "D-1", List.of("U-CITY"));
    }

    record Run(Map<Pledge, PledgeClock> clocks, List<PledgeClocks.Emission> emissions, PledgeClocks.Decision last) {
        Run then(PetitionEvent event, Instant now) {
            PledgeClocks.Decision d = CLOCKS.decide(clocks, event, now);
            return new Run(d.clocks(), d.emissions(), d);
        }

        PledgeClock clock(Pledge pledge) {
            return clocks.get(pledge);
        }

        <T> List<T> emitted(Class<T> type) {
            return emissions.stream().map(PledgeClocks.Emission::event).filter(type::isInstance).map(type::cast).toList();
        }
    }

    static Run start(Instant at) {
        return new Run(Map.of(), List.of(), null).then(received(at), at);
    }

    @Test
    void receiptInOfficeHoursStartsAOneHourFirstResponseAndAResolutionClock() {
        Run run = start(FRIDAY_10);
        PledgeClock first = run.clock(Pledge.FIRST_RESPONSE);
        assertThat(first.timeBasis()).isEqualTo(TimeBasis.WORKING_TIME);
        assertThat(first.dueAt()).isEqualTo(FRIDAY_10.plus(Duration.ofHours(1)));
        assertThat(first.state()).isEqualTo(TimerState.RUNNING);
        assertThat(first.nextFireAt()).as("warned at 80 %% of the hour").isEqualTo(FRIDAY_10.plus(Duration.ofMinutes(48)));
        assertThat(first.label()).isEqualTo(new PledgeClock.Label("WZ-1", "路灯不亮"));
        assertThat(run.clock(Pledge.RESOLUTION).dueAt()).isAfter(first.dueAt());
        assertThat(run.clock(Pledge.PROGRESS)).isNull();
        assertThat(run.emitted(DeadlineSet.class)).extracting(DeadlineSet::pledge).containsExactly(Pledge.FIRST_RESPONSE, Pledge.RESOLUTION);
        assertThat(run.last().changed()).containsExactly(Pledge.FIRST_RESPONSE, Pledge.RESOLUTION);
    }

    @Test
    void aRedeliveredReceiptChangesNothing() {
        Run run = start(FRIDAY_10).then(received(FRIDAY_10), FRIDAY_10.plusSeconds(5));
        assertThat(run.last().isEmpty()).isTrue();
    }

    @Test
    void routingMovesTheClocksToTheUnitWithoutANewDeadlineWhenNothingChangesIt() {
        Run run = start(FRIDAY_10).then(routed(null, FRIDAY_10.plusSeconds(1)), FRIDAY_10.plusSeconds(1));
        for (Pledge pledge : List.of(Pledge.FIRST_RESPONSE, Pledge.RESOLUTION)) {
            assertThat(run.clock(pledge).assignment())
                    .isEqualTo(new PledgeClock.Assignment("U-ROADS", "D-1", "|U-CITY|", "城乡建设", null));
        }
        assertThat(run.last().changed()).containsExactly(Pledge.FIRST_RESPONSE, Pledge.RESOLUTION);
        assertThat(run.emissions()).as("the default region and policy: the deadlines stand").isEmpty();
    }

    @Test
    void aUnitInAnUnknownRegionFollowsTheDefaultCalendarAndSaysSo() {
        Run run = start(FRIDAY_10).then(routed("火星", FRIDAY_10), FRIDAY_10);
        assertThat(run.clock(Pledge.FIRST_RESPONSE).assignment().region()).isNull();
        assertThat(run.last().warnings()).singleElement().asString().contains("火星");
    }

    @Test
    void aTransferKeepsTheClocksRunningAndTheCategoryWhenItNamesNone() {
        Run run = start(FRIDAY_10).then(routed(null, FRIDAY_10), FRIDAY_10)
                .then(new PetitionTransferred(ID, "U-ROADS", "U-PARKS", "园林局", null, "wrong unit", FRIDAY_10.plusSeconds(600), null, "D-2", List.of()),
                        FRIDAY_10.plusSeconds(600));
        PledgeClock first = run.clock(Pledge.FIRST_RESPONSE);
        assertThat(first.assignment().unitCode()).isEqualTo("U-PARKS");
        assertThat(first.assignment().category()).isEqualTo("城乡建设");
        assertThat(first.startedAt()).as("not restarted").isEqualTo(FRIDAY_10);
    }

    @Test
    void aResponseInTimeMeetsTheFirstResponseAndOpensAProgressClockForTheSameUnit() {
        Instant at = FRIDAY_10.plus(Duration.ofMinutes(30));
        Run run = start(FRIDAY_10).then(routed(null, FRIDAY_10), FRIDAY_10).then(new PetitionResponded(ID, "U-ROADS", "收到", at), at);
        PledgeClock first = run.clock(Pledge.FIRST_RESPONSE);
        assertThat(first.state()).isEqualTo(TimerState.MET);
        assertThat(first.nextFireAt()).isNull();
        assertThat(run.emitted(DeadlineMet.class)).singleElement().satisfies(m -> {
            assertThat(m.pledge()).isEqualTo(Pledge.FIRST_RESPONSE);
            assertThat(m.elapsedSeconds()).isEqualTo(1800L);
        });
        PledgeClock progress = run.clock(Pledge.PROGRESS);
        assertThat(progress.startedAt()).isEqualTo(at);
        assertThat(progress.assignment()).as("the district and supervisors too, for the board's filters")
                .isEqualTo(run.clock(Pledge.RESOLUTION).assignment());
        assertThat(progress.label()).isEqualTo(run.clock(Pledge.RESOLUTION).label());
        assertThat(run.emitted(DeadlineSet.class)).extracting(DeadlineSet::pledge).containsExactly(Pledge.PROGRESS);
        // A second response is redelivery: nothing is met twice.
        assertThat(run.then(new PetitionResponded(ID, "U-ROADS", "收到", at), at.plusSeconds(1)).emitted(DeadlineMet.class)).isEmpty();
    }

    @Test
    void eachProgressReportRestartsTheProgressWindowAndAnOlderOneIsIgnored() {
        Instant response = FRIDAY_10.plus(Duration.ofMinutes(30));
        Instant report = Instant.parse("2026-12-08T02:00:00Z");
        Run run = start(FRIDAY_10).then(new PetitionResponded(ID, "U", "收到", response), response)
                .then(new PetitionProgressReported(ID, "U", "在修", report), report);
        assertThat(run.clock(Pledge.PROGRESS).startedAt()).isEqualTo(report);
        assertThat(run.clock(Pledge.PROGRESS).state()).isEqualTo(TimerState.RUNNING);
        Run older = run.then(new PetitionProgressReported(ID, "U", "在修", response), report);
        assertThat(older.clock(Pledge.PROGRESS).startedAt()).isEqualTo(report);
    }

    @Test
    void waitingForTheCitizenPausesAndTheAnswerResumesWithTheTimeLeft() {
        Instant asked = FRIDAY_10.plus(Duration.ofMinutes(20));
        Run run = start(FRIDAY_10).then(new PetitionAwaitingCitizen(ID, "U", "哪个小区？", asked), asked);
        PledgeClock paused = run.clock(Pledge.RESOLUTION);
        assertThat(paused.state()).isEqualTo(TimerState.PAUSED);
        assertThat(paused.nextFireAt()).isNull();
        assertThat(run.emitted(DeadlinePaused.class)).singleElement().satisfies(p -> assertThat(p.workingSecondsLeft()).isPositive());
        assertThat(run.clock(Pledge.FIRST_RESPONSE).state()).as("asking is not answering: the first response still runs")
                .isEqualTo(TimerState.RUNNING);

        Instant replied = Instant.parse("2026-12-07T02:00:00Z"); // Monday 10:00, two rest days later
        Run resumed = run.then(new CitizenReplied(ID, "阳光小区", replied), replied);
        PledgeClock clock = resumed.clock(Pledge.RESOLUTION);
        assertThat(clock.state()).isEqualTo(TimerState.RUNNING);
        assertThat(clock.pausedAt()).isNull();
        assertThat(clock.dueAt()).isAfter(paused.dueAt());
        assertThat(resumed.emitted(DeadlineSet.class)).extracting(DeadlineSet::pledge).containsExactly(Pledge.RESOLUTION);
    }

    @Test
    void resolutionSettlesEveryClockAndAReopeningOwesAFullNewWindow() {
        Instant resolved = Instant.parse("2026-12-08T02:00:00Z");
        Run run = start(FRIDAY_10).then(new PetitionResponded(ID, "U", "收到", FRIDAY_10.plusSeconds(60)), FRIDAY_10.plusSeconds(60))
                .then(new PetitionResolved(ID, "U", "修好了", resolved), resolved);
        assertThat(run.clocks().values()).allSatisfy(c -> assertThat(c.state()).isEqualTo(TimerState.MET));
        assertThat(run.emitted(DeadlineMet.class)).extracting(DeadlineMet::pledge).containsExactly(Pledge.RESOLUTION, Pledge.PROGRESS);

        Instant reopened = Instant.parse("2026-12-09T02:00:00Z");
        Run again = run.then(new PetitionReopened(ID, "U", "没修好", reopened), reopened);
        PledgeClock resolution = again.clock(Pledge.RESOLUTION);
        assertThat(resolution.state()).isEqualTo(TimerState.RUNNING);
        assertThat(resolution.startedAt()).isEqualTo(reopened);
        assertThat(resolution.dueAt()).isEqualTo(RULES.deadlines(null, null).resolutionDue(reopened));
        assertThat(again.clock(Pledge.PROGRESS).state()).isEqualTo(TimerState.RUNNING);
        assertThat(again.clock(Pledge.PROGRESS).startedAt()).isEqualTo(reopened);
        assertThat(again.clock(Pledge.FIRST_RESPONSE).state()).as("kept, and stays kept").isEqualTo(TimerState.MET);
        assertThat(again.then(new PetitionReopened(ID, "U", "没修好", reopened), reopened).last().isEmpty())
                .as("the same reopening redelivered").isTrue();
    }

    @Test
    void aRejectedOrMergedPetitionsClocksStopWithoutAMetOrABreach() {
        Instant at = FRIDAY_10.plusSeconds(120);
        for (PetitionEvent end : List.<PetitionEvent>of(new PetitionRejected(ID, PetitionRejected.RejectionReason.SPAM, null, at),
                new PetitionMerged(ID, "p-0", "重复", at))) {
            Run run = start(FRIDAY_10).then(end, at);
            assertThat(run.clocks().values()).allSatisfy(c -> {
                assertThat(c.state()).isEqualTo(TimerState.CANCELLED);
                assertThat(c.settledAt()).isEqualTo(at);
                assertThat(c.nextFireAt()).isNull();
            });
            assertThat(run.emissions()).isEmpty();
        }
    }

    @Test
    void theClockWarnsThenBreachesThenClimbsTheChainAndStopsWhenTheUnitActs() {
        PledgeClock clock = start(FRIDAY_10).clock(Pledge.FIRST_RESPONSE);
        Duration lateAfter = Duration.ofMinutes(5);

        PledgeClocks.Fired early = PledgeClocks.fire(POLICY, clock, FRIDAY_10.plusSeconds(60), lateAfter);
        assertThat(early.event()).as("nothing due yet").isNull();

        PledgeClocks.Fired warn = PledgeClocks.fire(POLICY, clock, clock.nextFireAt(), lateAfter);
        assertThat(warn.event()).isInstanceOf(DeadlineWarning.class);
        assertThat(warn.clock().warned()).isTrue();
        assertThat(warn.clock().nextFireAt()).isEqualTo(clock.dueAt());

        PledgeClocks.Fired breach = PledgeClocks.fire(POLICY, warn.clock(), clock.dueAt().plus(Duration.ofMinutes(10)), lateAfter);
        assertThat(breach.event()).isInstanceOfSatisfying(DeadlineBreached.class, b -> assertThat(b.late()).isTrue());
        assertThat(breach.clock().state()).isEqualTo(TimerState.BREACHED);
        assertThat(breach.clock().nextFireAt()).isEqualTo(clock.dueAt().plus(Duration.ofHours(2)));

        PledgeClocks.Fired first = PledgeClocks.fire(POLICY, breach.clock(), breach.clock().nextFireAt(), lateAfter);
        assertThat(first.event()).isInstanceOfSatisfying(DeadlineEscalated.class, e -> assertThat(e.escalatedTo()).isEqualTo(EscalationStep.UNIT_STAFF));
        PledgeClocks.Fired second = PledgeClocks.fire(POLICY, first.clock(), first.clock().nextFireAt(), lateAfter);
        assertThat(second.event()).isInstanceOfSatisfying(DeadlineEscalated.class, e -> assertThat(e.level()).isEqualTo(2));
        assertThat(second.clock().nextFireAt()).as("the chain has two steps here").isNull();

        Map<Pledge, PledgeClock> breached = new EnumMap<>(Pledge.class);
        breached.put(Pledge.FIRST_RESPONSE, first.clock());
        Instant acted = first.clock().nextFireAt().minusSeconds(60);
        PledgeClocks.Decision late = CLOCKS.decide(breached, new PetitionResponded(ID, "U", "收到", acted), acted);
        PledgeClock after = late.clocks().get(Pledge.FIRST_RESPONSE);
        assertThat(after.state()).as("a breach stays a breach").isEqualTo(TimerState.BREACHED);
        assertThat(after.nextFireAt()).as("nobody chases a unit that acted").isNull();
        assertThat(late.emissions()).noneMatch(e -> e.event() instanceof DeadlineMet);
    }

    @Test
    void aClosedHistoricalPetitionIsJudgedFromItsRecordWithoutClocks() {
        Instant received = FRIDAY_10.minus(Duration.ofDays(30));
        ImportedRecord record = new ImportedRecord("import-1", "U", received.plus(Duration.ofMinutes(30)), received.plus(Duration.ofDays(2)));
        PetitionReceived history = new PetitionReceived(ID, "WZ-1", Channel.WEB, "路灯", "坏了", null, "c", received, null, List.of(), record);
        PledgeClocks.Decision d = CLOCKS.decide(Map.of(), history, FRIDAY_10);
        assertThat(d.clocks()).isEmpty();
        assertThat(d.emissions()).isNotEmpty().allSatisfy(e -> assertThat(e.at()).isBefore(FRIDAY_10));
        assertThat(d.emissions()).anyMatch(e -> e.event() instanceof DeadlineMet m && m.pledge() == Pledge.FIRST_RESPONSE);

        ImportedRecord open = new ImportedRecord("import-1", "U", null, null);
        PledgeClocks.Decision running = CLOCKS.decide(Map.of(),
                new PetitionReceived(ID, "WZ-1", Channel.WEB, "路灯", "坏了", null, "c", received, null, List.of(), open), FRIDAY_10);
        assertThat(running.clocks()).containsOnlyKeys(Pledge.FIRST_RESPONSE, Pledge.RESOLUTION);
    }

    @Test
    void aReplanMovesAClockThatWasToldTooEarlyAndNeverOneThatIsRight() {
        PledgeClock right = start(FRIDAY_10).clock(Pledge.FIRST_RESPONSE);
        assertThat(CLOCKS.replan(right, FRIDAY_10)).as("already right: nothing to tell").isNull();

        PledgeClock toldEarly = right.due(FRIDAY_10.plus(Duration.ofMinutes(30)), right.timeBasis())
                .withCalendar(io.wenzheng.contracts.CalendarStatus.PROVISIONAL);
        PledgeClocks.Fired moved = CLOCKS.replan(toldEarly, FRIDAY_10);
        assertThat(moved.clock().dueAt()).isEqualTo(right.dueAt());
        assertThat(moved.clock().calendar()).isEqualTo(io.wenzheng.contracts.CalendarStatus.OFFICIAL);
        assertThat(moved.clock().nextFireAt()).as("rescheduled for the new due time").isNotNull();
        assertThat(moved.event()).isInstanceOfSatisfying(DeadlineSet.class, set -> {
            assertThat(set.dueAt()).isEqualTo(right.dueAt());
            assertThat(set.previousDueAt()).isEqualTo(toldEarly.dueAt());
        });

        PledgeClock toldLate = right.due(right.dueAt().plus(Duration.ofHours(3)), right.timeBasis());
        assertThat(CLOCKS.replan(toldLate, FRIDAY_10)).as("a due time is never moved earlier than the one told").isNull();
    }

    @Test
    void theSupervisionOfficeTakesAClockOverOnceAndItsChainStops() {
        PledgeClock breached = PledgeClocks.fire(POLICY, PledgeClocksTest.start(FRIDAY_10).clock(Pledge.FIRST_RESPONSE),
                FRIDAY_10.plus(Duration.ofHours(2)), Duration.ofMinutes(5)).clock();
        PledgeClocks.Fired taken = PledgeClocks.takeOver(POLICY, breached, "请督办", FRIDAY_10.plus(Duration.ofHours(2)));
        assertThat(taken.event()).isInstanceOfSatisfying(DeadlineEscalated.class, e -> {
            assertThat(e.escalatedTo()).isEqualTo(EscalationStep.SUPERVISION_OFFICE);
            assertThat(e.note()).isEqualTo("请督办");
        });
        assertThat(taken.clock().nextFireAt()).as("no automatic step after the top").isNull();
        assertThat(PledgeClocks.takeOver(POLICY, taken.clock(), "再督办", FRIDAY_10.plus(Duration.ofHours(3)))).isNull();
    }
}
