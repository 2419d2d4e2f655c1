package io.wenzheng.sla.timer;

import io.wenzheng.contracts.EscalationStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a running or breached timer must do next, and when: warn at a share of the allowed time, breach at the due
 * time, then climb the escalation chain after each step's delay. Pure, so the whole schedule is testable without a
 * database or a clock.
 */
public final class TimerPolicy {

    /** The part of a timer's state the schedule depends on. */
    public record Snapshot(TimerState state, Instant startedAt, Instant dueAt, boolean warned, int escalationLevel) {
    }

    public sealed interface Step {
        Instant at();

        record Warn(Instant at) implements Step {
        }

        record Breach(Instant at) implements Step {
        }

        record Escalate(Instant at, int level, EscalationStep to) implements Step {
        }
    }

    private final double warnShare;
    private final List<Duration> escalationDelays;

    /**
     * @param warnShare share of the allowed time after which the unit is warned, e.g. 0.8
     * @param escalationDelays delay after the due time for each step of {@link EscalationStep}, in order
     */
    public TimerPolicy(double warnShare, List<Duration> escalationDelays) {
        if (warnShare <= 0 || warnShare >= 1) {
            throw new IllegalArgumentException("warn share must be between 0 and 1, was " + warnShare);
        }
        if (escalationDelays.size() > EscalationStep.values().length) {
            throw new IllegalArgumentException("at most " + EscalationStep.values().length + " escalation steps");
        }
        this.warnShare = warnShare;
        this.escalationDelays = List.copyOf(escalationDelays);
    }

    public double warnShare() {
        return warnShare;
    }

    public Instant warnAt(Instant startedAt, Instant dueAt) {
        long allowed = Duration.between(startedAt, dueAt).toMillis();
        return startedAt.plusMillis(Math.round(allowed * warnShare));
    }

    /**
     * The next step. A warning whose moment has passed together with the due time is skipped: a breach says more.
     */
    public Optional<Step> next(Snapshot t, Instant now) {
        return switch (t.state()) {
            case MET, PAUSED, CANCELLED -> Optional.empty();
            case RUNNING -> {
                if (!t.warned() && now.isBefore(t.dueAt())) {
                    yield Optional.of(new Step.Warn(warnAt(t.startedAt(), t.dueAt())));
                }
                yield Optional.of(new Step.Breach(t.dueAt()));
            }
            case BREACHED -> {
                if (t.escalationLevel() >= escalationDelays.size()) {
                    yield Optional.empty();
                }
                int level = t.escalationLevel() + 1;
                yield Optional.of(new Step.Escalate(t.dueAt().plus(escalationDelays.get(level - 1)), level,
                        EscalationStep.values()[level - 1]));
            }
        };
    }
}
