package io.wenzheng.sla.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.DeadlineChased;
import io.wenzheng.contracts.DeadlineEscalated;
import io.wenzheng.contracts.EscalationStep;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.sla.timer.PledgeClock;
import io.wenzheng.sla.timer.TimerPolicy;
import io.wenzheng.sla.timer.TimerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 催办 and 督办 without a database: which clock, what event, or why not. */
class SupervisionDecisionTest {
    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    private static final TimerPolicy POLICY = new TimerPolicy(0.8, List.of(Duration.ofHours(2), Duration.ofHours(24)));
    private static final PledgeClock.Assignment A3 = new PledgeClock.Assignment("A3", "A3", null, "环境保护", null);

    private static PledgeClock clock(Pledge pledge, TimerState state, Instant dueAt) {
        PledgeClock started = PledgeClock.started("p-1", pledge, PledgeClock.Label.NONE, A3, TimeBasis.WORKING_TIME,
                NOW.minus(Duration.ofDays(1)), dueAt);
        return new PledgeClock(started.petitionId(), pledge, started.label(), A3, started.timeBasis(), started.startedAt(), dueAt, state,
                null, null, false, state == TimerState.BREACHED ? 1 : 0, null, started.calendar());
    }

    @Test
    void aChaseRemindsTheUnitOfTheBreachedClockFirstAndLeavesTheDeadline() {
        PledgeClock resolution = clock(Pledge.RESOLUTION, TimerState.RUNNING, NOW.plus(Duration.ofHours(1)));
        PledgeClock firstResponse = clock(Pledge.FIRST_RESPONSE, TimerState.BREACHED, NOW.minus(Duration.ofHours(3)));
        SupervisionDecision outcome = SupervisionDecision.chase(List.of(resolution, firstResponse), "  请尽快回复  ", NOW);
        assertThat(outcome).isEqualTo(new SupervisionDecision.Acted(firstResponse,
                new DeadlineChased("p-1", Pledge.FIRST_RESPONSE, "A3", "请尽快回复", firstResponse.dueAt(), NOW)));
    }

    @Test
    void amongOpenClocksOfOneStateTheEarliestDueIsChased() {
        PledgeClock later = clock(Pledge.RESOLUTION, TimerState.RUNNING, NOW.plus(Duration.ofHours(5)));
        PledgeClock sooner = clock(Pledge.FIRST_RESPONSE, TimerState.PAUSED, NOW.plus(Duration.ofHours(1)));
        assertThat(SupervisionDecision.chase(List.of(later, sooner), "催", NOW))
                .isInstanceOfSatisfying(SupervisionDecision.Acted.class, acted -> assertThat(acted.clock()).isEqualTo(sooner));
    }

    @Test
    void aPetitionWhoseClocksAreAllSettledCannotBeChasedOrEscalated() {
        List<PledgeClock> settled = List.of(clock(Pledge.FIRST_RESPONSE, TimerState.MET, NOW),
                clock(Pledge.RESOLUTION, TimerState.CANCELLED, NOW));
        assertThat(SupervisionDecision.chase(settled, "催", NOW)).isEqualTo(new SupervisionDecision.NoOpenClock());
        assertThat(SupervisionDecision.escalate(POLICY, settled, "督", NOW)).isEqualTo(new SupervisionDecision.NoOpenClock());
    }

    @Test
    void theOfficeTakesTheMostUrgentClockOverOnce() {
        PledgeClock breached = clock(Pledge.FIRST_RESPONSE, TimerState.BREACHED, NOW.minus(Duration.ofHours(3)));
        SupervisionDecision first = SupervisionDecision.escalate(POLICY, List.of(breached), " 请督办 ", NOW);
        assertThat(first).isInstanceOfSatisfying(SupervisionDecision.Acted.class, acted -> {
            assertThat(acted.event()).isInstanceOfSatisfying(DeadlineEscalated.class, e -> {
                assertThat(e.escalatedTo()).isEqualTo(EscalationStep.SUPERVISION_OFFICE);
                assertThat(e.note()).isEqualTo("请督办");
            });
            assertThat(SupervisionDecision.escalate(POLICY, List.of(acted.clock()), "再督办", NOW))
                    .isEqualTo(new SupervisionDecision.AlreadyEscalated(Pledge.FIRST_RESPONSE));
        });
    }
}
