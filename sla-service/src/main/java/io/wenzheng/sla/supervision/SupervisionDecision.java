package io.wenzheng.sla.supervision;

import io.wenzheng.contracts.DeadlineChased;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.sla.timer.PledgeClock;
import io.wenzheng.sla.timer.PledgeClocks;
import io.wenzheng.sla.timer.TimerPolicy;
import io.wenzheng.sla.timer.TimerState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the supervision office's actions on a petition become, as pure decisions: 催办 (a chase: the unit is reminded,
 * the deadline stays) and 督办 (the office takes the clock under its own watch). Both act on the petition's most
 * urgent open clock.
 */
public sealed interface SupervisionDecision {

    /** Every clock is met or cancelled: the petition owes nothing any more. */
    record NoOpenClock() implements SupervisionDecision {
    }

    /** The office has that clock already. */
    record AlreadyEscalated(Pledge pledge) implements SupervisionDecision {
    }

    /** The clock acted on, as it is now, and the event to announce. */
    record Acted(PledgeClock clock, PetitionEvent event) implements SupervisionDecision {
    }

    static SupervisionDecision chase(List<PledgeClock> clocks, String note, Instant now) {
        PledgeClock clock = mostUrgentOpen(clocks);
        if (clock == null) {
            return new NoOpenClock();
        }
        return new Acted(clock, new DeadlineChased(clock.petitionId(), clock.pledge(), clock.assignment().unitCode(), note.strip(),
                clock.dueAt(), now));
    }

    static SupervisionDecision escalate(TimerPolicy policy, List<PledgeClock> clocks, String note, Instant now) {
        PledgeClock clock = mostUrgentOpen(clocks);
        if (clock == null) {
            return new NoOpenClock();
        }
        PledgeClocks.Fired taken = PledgeClocks.takeOver(policy, clock, note.strip(), now);
        return taken == null ? new AlreadyEscalated(clock.pledge()) : new Acted(taken.clock(), taken.event());
    }

    /** A breached clock before a running or paused one, and the earliest due among equals; null when none is open. */
    static PledgeClock mostUrgentOpen(List<PledgeClock> clocks) {
        return clocks.stream()
                .filter(c -> c.state() != TimerState.MET && c.state() != TimerState.CANCELLED)
                .min(Comparator.<PledgeClock>comparingInt(c -> c.state() == TimerState.BREACHED ? 0 : 1)
                        .thenComparing(PledgeClock::dueAt))
                .orElse(null);
    }
}
