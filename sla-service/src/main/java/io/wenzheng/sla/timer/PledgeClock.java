package io.wenzheng.sla.timer;

import io.wenzheng.contracts.CalendarStatus;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import java.time.Instant;

/**
 * One pledge's clock of one petition, as the decisions in {@link PledgeClocks} see it. Immutable: every change is a
 * new clock, which the adapters copy onto their {@link DeadlineTimer} row.
 *
 * @param label      what people see instead of the petition's id
 * @param assignment the unit that owes the pledge, and what its deadline depends on
 * @param nextFireAt when the clock must act next (warn, breach, escalate); null when it has nothing left to do
 */
public record PledgeClock(String petitionId, Pledge pledge, Label label, Assignment assignment, TimeBasis timeBasis,
                          Instant startedAt, Instant dueAt, TimerState state, Instant settledAt, Instant pausedAt,
                          boolean warned, int escalationLevel, Instant nextFireAt, CalendarStatus calendar) {

    /** Which clock: a petition has at most one per pledge. */
    public record Key(String petitionId, Pledge pledge) {
    }

    public record Label(String trackingCode, String title) {
        public static final Label NONE = new Label(null, null);
    }

    /**
     * @param supervisingUnits {@code kit.security.Sight}'s column form of who else may see the petition
     * @param region           the region whose calendar the clock follows; null for the default one
     */
    public record Assignment(String unitCode, String districtCode, String supervisingUnits, String category, String region) {
        public static final Assignment NONE = new Assignment(null, null, null, null, null);
    }

    /** A clock that starts now; it has no schedule and no calendar status until {@link PledgeClocks} gives them. */
    public static PledgeClock started(String petitionId, Pledge pledge, Label label, Assignment assignment, TimeBasis basis,
                                      Instant startedAt, Instant dueAt) {
        return new PledgeClock(petitionId, pledge, label, assignment, basis, startedAt, dueAt, TimerState.RUNNING, null, null,
                false, 0, null, CalendarStatus.OFFICIAL);
    }

    public TimerPolicy.Snapshot snapshot() {
        return new TimerPolicy.Snapshot(state, startedAt, dueAt, warned, escalationLevel);
    }

    PledgeClock assignedTo(Assignment to) {
        return new PledgeClock(petitionId, pledge, label, to, timeBasis, startedAt, dueAt, state, settledAt, pausedAt, warned,
                escalationLevel, nextFireAt, calendar);
    }

    PledgeClock due(Instant newDue, TimeBasis basis) {
        return new PledgeClock(petitionId, pledge, label, assignment, basis, startedAt, newDue, state, settledAt, pausedAt, warned,
                escalationLevel, nextFireAt, calendar);
    }

    /** Running again on a fresh window: no warning given yet, no escalation. */
    PledgeClock restarted(Instant from, Instant newDue) {
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, from, newDue, TimerState.RUNNING, null, pausedAt,
                false, 0, nextFireAt, calendar);
    }

    PledgeClock inState(TimerState newState) {
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, startedAt, dueAt, newState, settledAt, pausedAt,
                warned, escalationLevel, nextFireAt, calendar);
    }

    PledgeClock met(Instant at) {
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, startedAt, dueAt, TimerState.MET, at, null,
                warned, escalationLevel, null, calendar);
    }

    /** A breached clock whose unit acted at last: it stays breached, and nobody chases the unit any more. */
    PledgeClock actedAfterBreach(Instant at) {
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, startedAt, dueAt, state, at, pausedAt,
                warned, escalationLevel, null, calendar);
    }

    PledgeClock paused(Instant at) {
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, startedAt, dueAt, TimerState.PAUSED, settledAt, at,
                warned, escalationLevel, null, calendar);
    }

    PledgeClock resumed(Instant newDue) {
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, startedAt, newDue, TimerState.RUNNING, settledAt,
                null, warned, escalationLevel, nextFireAt, calendar);
    }

    /** Nothing is owed any more: neither a met nor a breach is counted. */
    PledgeClock cancelled(Instant at) {
        boolean open = state == TimerState.RUNNING || state == TimerState.PAUSED;
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, startedAt, dueAt,
                open ? TimerState.CANCELLED : state, open ? at : settledAt, null, warned, escalationLevel, null, calendar);
    }

    PledgeClock warnedNow() {
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, startedAt, dueAt, state, settledAt, pausedAt,
                true, escalationLevel, nextFireAt, calendar);
    }

    PledgeClock breached(Instant at) {
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, startedAt, dueAt, TimerState.BREACHED, at, pausedAt,
                warned, escalationLevel, nextFireAt, calendar);
    }

    PledgeClock escalatedTo(int level) {
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, startedAt, dueAt, state, settledAt, pausedAt,
                warned, level, nextFireAt, calendar);
    }

    /** The same clock with its next action worked out from its state. */
    PledgeClock scheduled(TimerPolicy policy, Instant now) {
        Instant next = policy.next(snapshot(), now).map(TimerPolicy.Step::at).orElse(null);
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, startedAt, dueAt, state, settledAt, pausedAt,
                warned, escalationLevel, next, calendar);
    }

    PledgeClock withCalendar(CalendarStatus status) {
        return new PledgeClock(petitionId, pledge, label, assignment, timeBasis, startedAt, dueAt, state, settledAt, pausedAt,
                warned, escalationLevel, nextFireAt, status);
    }
}
