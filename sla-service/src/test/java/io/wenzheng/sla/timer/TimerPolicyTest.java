package io.wenzheng.sla.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wenzheng.contracts.EscalationStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerPolicyTest {
    private static final Instant START = Instant.parse("2026-11-27T01:00:00Z");
    private static final Instant DUE = START.plus(Duration.ofHours(1));
    private final TimerPolicy policy = new TimerPolicy(0.8, List.of(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(4)));

    @Test
    void aRunningTimerWarnsAtEightyPercentThenBreachesAtTheDueTime() {
        var fresh = new TimerPolicy.Snapshot(TimerState.RUNNING, START, DUE, false, 0);
        assertThat(policy.next(fresh, START)).contains(new TimerPolicy.Step.Warn(START.plus(Duration.ofMinutes(48))));
        var warned = new TimerPolicy.Snapshot(TimerState.RUNNING, START, DUE, true, 0);
        assertThat(policy.next(warned, START.plus(Duration.ofMinutes(50)))).contains(new TimerPolicy.Step.Breach(DUE));
    }

    @Test
    void aWarningOverrunByTheDueTimeIsSkipped() {
        var fresh = new TimerPolicy.Snapshot(TimerState.RUNNING, START, DUE, false, 0);
        assertThat(policy.next(fresh, DUE.plusSeconds(1))).contains(new TimerPolicy.Step.Breach(DUE));
    }

    @Test
    void aBreachClimbsTheChainAndStops() {
        var breached = new TimerPolicy.Snapshot(TimerState.BREACHED, START, DUE, true, 0);
        assertThat(policy.next(breached, DUE)).contains(new TimerPolicy.Step.Escalate(DUE, 1, EscalationStep.UNIT_STAFF));
        var level1 = new TimerPolicy.Snapshot(TimerState.BREACHED, START, DUE, true, 1);
        assertThat(policy.next(level1, DUE)).contains(new TimerPolicy.Step.Escalate(DUE.plus(Duration.ofHours(1)), 2, EscalationStep.UNIT_HEAD));
        var level2 = new TimerPolicy.Snapshot(TimerState.BREACHED, START, DUE, true, 2);
        assertThat(policy.next(level2, DUE)).contains(new TimerPolicy.Step.Escalate(DUE.plus(Duration.ofHours(4)), 3,
                EscalationStep.SUPERVISION_OFFICE));
        var top = new TimerPolicy.Snapshot(TimerState.BREACHED, START, DUE, true, 3);
        assertThat(policy.next(top, DUE)).isEmpty();
    }

    @Test
    void aMetTimerHasNothingLeftToDo() {
        assertThat(policy.next(new TimerPolicy.Snapshot(TimerState.MET, START, DUE, true, 0), DUE)).isEmpty();
    }

    @Test
    void nonsenseSettingsAreRejected() {
        assertThatThrownBy(() -> new TimerPolicy(1.2, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimerPolicy(0.8, List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
