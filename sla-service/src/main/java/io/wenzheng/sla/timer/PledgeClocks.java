package io.wenzheng.sla.timer;

import io.wenzheng.contracts.CitizenReplied;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineEscalated;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlinePaused;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.DeadlineWarning;
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
import io.wenzheng.contracts.PetitionTitle;
import io.wenzheng.contracts.PetitionTransferred;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.kit.security.Sight;
import io.wenzheng.sla.pledge.HistoricalPledges;
import io.wenzheng.sla.pledge.PetitionDeadlines;
import io.wenzheng.sla.pledge.SlaRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a petition's clocks follow its lifecycle, as pure decisions: given the clocks a petition has and one event
 * about it, the clocks it has afterwards and the events to publish. Receipt starts the first-response and resolution
 * clocks; routing and transfers move them to the unit (and its region's calendar and category's policy); the first
 * response starts the progress clock; waiting for the citizen pauses them; the unit's acts settle them; a rejection
 * or a merge cancels them. {@link #fire} is the clocks' own moves: warn, breach, escalate.
 *
 * <p>Depends only on the calendar rules and the timer policy; nothing here reads a database or a clock, so every rule
 * is tested without Quarkus.
 */
public final class PledgeClocks {
    private static final Pledge[] ALL = Pledge.values();

    /** An event to publish, and when it happened (a historical verdict's own time, otherwise now). */
    public record Emission(PetitionEvent event, Instant at) {
    }

    /**
     * @param clocks   every clock of the petition after the event, in pledge order
     * @param changed  the pledges whose clock is new or different
     * @param warnings what an operator should hear about (an unknown calendar region, say)
     */
    public record Decision(Map<Pledge, PledgeClock> clocks, List<Pledge> changed, List<Emission> emissions, List<String> warnings) {
        public boolean isEmpty() {
            return changed.isEmpty() && emissions.isEmpty();
        }
    }

    private final SlaRules rules;
    private final TimerPolicy policy;

    public PledgeClocks(SlaRules rules, TimerPolicy policy) {
        this.rules = rules;
        this.policy = policy;
    }

    /** The clocks after {@code event}; events the clocks do not follow change nothing. */
    public Decision decide(Map<Pledge, PledgeClock> current, PetitionEvent event, Instant now) {
        Work w = new Work(current, now);
        if (event instanceof PetitionReceived received && received.imported() != null) {
            imported(w, received);
        } else if (event instanceof PetitionReceived received) {
            PetitionDeadlines deadlines = rules.deadlines(null, null);
            PetitionDeadlines.FirstResponse first = deadlines.firstResponse(received.receivedAt());
            PledgeClock.Label label = labelOf(received);
            start(w, received.petitionId(), Pledge.FIRST_RESPONSE, label, PledgeClock.Assignment.NONE, first.basis(),
                    received.receivedAt(), first.dueAt());
            start(w, received.petitionId(), Pledge.RESOLUTION, label, PledgeClock.Assignment.NONE, first.basis(),
                    received.receivedAt(), deadlines.resolutionDue(received.receivedAt()));
        } else if (event instanceof PetitionRouted routed) {
            String region = w.clocks.isEmpty() ? null : knownRegion(w, routed.calendarRegion(), routed.petitionId());
            for (Pledge pledge : ALL) {
                w.ifPresent(pledge, c -> moveTo(w, c, new PledgeClock.Assignment(routed.unitCode(), routed.districtCode(),
                        Sight.encode(routed.supervisingUnits()), routed.category(), region)));
            }
        } else if (event instanceof PetitionTransferred moved) {
            // The pledge is to the citizen: a transfer moves the clocks to the new unit, it does not restart them.
            String region = w.clocks.isEmpty() ? null : knownRegion(w, moved.calendarRegion(), moved.petitionId());
            for (Pledge pledge : ALL) {
                w.ifPresent(pledge, c -> moveTo(w, c, new PledgeClock.Assignment(moved.toUnitCode(), moved.toDistrictCode(),
                        Sight.encode(moved.toSupervisingUnits()), moved.category() == null ? c.assignment().category() : moved.category(),
                        region)));
            }
        } else if (event instanceof PetitionResponded responded) {
            settle(w, Pledge.FIRST_RESPONSE, responded.unitCode(), responded.respondedAt());
            startProgress(w, responded.petitionId(), responded.respondedAt());
        } else if (event instanceof PetitionProgressReported progress) {
            // A progress report reaches the citizen too, so it also counts as a first response.
            settle(w, Pledge.FIRST_RESPONSE, progress.unitCode(), progress.reportedAt());
            settle(w, Pledge.PROGRESS, progress.unitCode(), progress.reportedAt());
            startProgress(w, progress.petitionId(), progress.reportedAt());
        } else if (event instanceof PetitionAwaitingCitizen waiting) {
            pause(w, Pledge.RESOLUTION, waiting.askedAt());
            pause(w, Pledge.PROGRESS, waiting.askedAt());
        } else if (event instanceof CitizenReplied replied) {
            resume(w, Pledge.RESOLUTION, replied.repliedAt());
            resume(w, Pledge.PROGRESS, replied.repliedAt());
        } else if (event instanceof PetitionResolved resolved) {
            for (Pledge pledge : ALL) {
                settle(w, pledge, resolved.unitCode(), resolved.resolvedAt());
            }
        } else if (event instanceof PetitionReopened reopened) {
            reopen(w, reopened.petitionId(), reopened.reopenedAt());
        } else if (event instanceof PetitionRejected rejected) {
            for (Pledge pledge : ALL) {
                w.ifPresent(pledge, c -> w.put(c.cancelled(rejected.rejectedAt())));
            }
        } else if (event instanceof PetitionMerged merged) {
            for (Pledge pledge : ALL) {
                w.ifPresent(pledge, c -> w.put(c.cancelled(merged.mergedAt())));
            }
        }
        return w.decision(current);
    }

    /**
     * The clock's next due action, if it is due by {@code now}: a warning at the warn share of the allowed time, a
     * breach at the due time (late when fired more than {@code lateAfter} after it), then each escalation step. A clock
     * with nothing due is only rescheduled.
     */
    public static Fired fire(TimerPolicy policy, PledgeClock clock, Instant now, Duration lateAfter) {
        TimerPolicy.Step step = policy.next(clock.snapshot(), now).orElse(null);
        if (step == null || step.at().isAfter(now)) {
            return new Fired(clock.scheduled(policy, now), null, null);
        }
        Duration lateness = Duration.between(step.at(), now);
        PledgeClock after;
        PetitionEvent event;
        String unit = clock.assignment().unitCode();
        if (step instanceof TimerPolicy.Step.Warn) {
            after = clock.warnedNow();
            event = new DeadlineWarning(clock.petitionId(), clock.pledge(), unit, clock.dueAt(), policy.warnShare(), now);
        } else if (step instanceof TimerPolicy.Step.Breach) {
            after = clock.breached(now);
            event = new DeadlineBreached(clock.petitionId(), clock.pledge(), unit, clock.dueAt(), now, lateness.compareTo(lateAfter) > 0);
        } else {
            TimerPolicy.Step.Escalate escalate = (TimerPolicy.Step.Escalate) step;
            after = clock.escalatedTo(escalate.level());
            event = new DeadlineEscalated(clock.petitionId(), clock.pledge(), unit, escalate.level(), escalate.to(), clock.dueAt(), now);
        }
        return new Fired(after.scheduled(policy, now), step, event);
    }

    /**
     * The clock re-planned on the calendars as they are now (a notice replaced a provisional year): its new due time
     * and the {@code deadline-set} that tells the old one and the new, or null when it is already right. A paused clock
     * keeps no schedule until it resumes.
     */
    public Fired replan(PledgeClock clock, Instant now) {
        PetitionDeadlines deadlines = deadlinesOf(clock);
        PetitionDeadlines.Plan plan = deadlines.replan(clock.pledge(), clock.startedAt(), clock.timeBasis(), clock.dueAt());
        var calendar = deadlines.calendarBetween(clock.startedAt(), plan.dueAt());
        if (plan.dueAt().equals(clock.dueAt()) && calendar == clock.calendar()) {
            return null;
        }
        PledgeClock moved = clock.due(plan.dueAt(), plan.basis()).withCalendar(calendar);
        if (moved.state() == TimerState.RUNNING) {
            moved = moved.scheduled(policy, now);
        }
        return new Fired(moved, null, new DeadlineSet(moved.petitionId(), moved.pledge(), moved.timeBasis(), moved.startedAt(),
                moved.dueAt(), calendar, clock.dueAt(), DeadlineSet.CALENDAR_NOTICE));
    }

    /**
     * 督办: the supervision office takes the clock under its own watch, skipping the chain's remaining steps; null when
     * it already has it.
     */
    public static Fired takeOver(TimerPolicy policy, PledgeClock clock, String note, Instant now) {
        int top = io.wenzheng.contracts.EscalationStep.SUPERVISION_OFFICE.ordinal() + 1;
        if (clock.escalationLevel() >= top) {
            return null;
        }
        PledgeClock taken = clock.escalatedTo(top).scheduled(policy, now);
        return new Fired(taken, null, new DeadlineEscalated(clock.petitionId(), clock.pledge(), clock.assignment().unitCode(), top,
                io.wenzheng.contracts.EscalationStep.SUPERVISION_OFFICE, clock.dueAt(), now, note));
    }

    /**
     * @param step  what fired, and when it was due; null when nothing was due or a person or a notice moved the clock
     * @param event what to publish; null when nothing fired
     */
    public record Fired(PledgeClock clock, TimerPolicy.Step step, PetitionEvent event) {
    }

    /**
     * History's pledges are judged from its recorded times, without clocks; only what the record leaves open runs, as
     * a live clock would.
     */
    private void imported(Work w, PetitionReceived received) {
        PetitionDeadlines deadlines = rules.deadlines(null, null);
        List<Pledge> settled = HistoricalPledges.settled(received.imported());
        for (HistoricalPledges.Step step : HistoricalPledges.verdicts(received.petitionId(), received.receivedAt(), received.imported(), deadlines)) {
            w.emit(step.event(), step.at());
        }
        PetitionDeadlines.FirstResponse first = deadlines.firstResponse(received.receivedAt());
        PledgeClock.Label label = labelOf(received);
        if (!settled.contains(Pledge.FIRST_RESPONSE)) {
            start(w, received.petitionId(), Pledge.FIRST_RESPONSE, label, PledgeClock.Assignment.NONE, first.basis(),
                    received.receivedAt(), first.dueAt());
        }
        if (!settled.contains(Pledge.RESOLUTION)) {
            start(w, received.petitionId(), Pledge.RESOLUTION, label, PledgeClock.Assignment.NONE, first.basis(),
                    received.receivedAt(), deadlines.resolutionDue(received.receivedAt()));
        }
    }

    private static PledgeClock.Label labelOf(PetitionReceived received) {
        return new PledgeClock.Label(received.trackingCode(), PetitionTitle.of(received.subject(), received.text()));
    }

    /** A clock that already exists stays as it is: a redelivered receipt starts nothing twice. */
    private void start(Work w, String petitionId, Pledge pledge, PledgeClock.Label label, PledgeClock.Assignment assignment,
                       TimeBasis basis, Instant startedAt, Instant dueAt) {
        if (w.get(pledge) != null) {
            return;
        }
        announce(w, PledgeClock.started(petitionId, pledge, label, assignment, basis, startedAt, dueAt).scheduled(policy, w.now));
    }

    /**
     * 重办: an unsatisfied citizen sent the case back. The unit owes a new resolution, on a full new resolution window
     * from the reopening, with progress reports again; the first-response pledge was kept and stays settled.
     */
    private void reopen(Work w, String petitionId, Instant at) {
        PledgeClock resolution = w.get(Pledge.RESOLUTION);
        if (resolution == null || resolution.state() != TimerState.MET || !at.isAfter(resolution.settledAt())) {
            return; // nothing to reopen, or a redelivered older reopening
        }
        announce(w, resolution.restarted(at, deadlinesOf(resolution).resolutionDue(at)).scheduled(policy, w.now));
        PledgeClock progress = w.get(Pledge.PROGRESS);
        if (progress != null && progress.state() == TimerState.MET) {
            w.put(progress.inState(TimerState.RUNNING));
        }
        startProgress(w, petitionId, at);
    }

    /**
     * Starts, or starts again, the progress clock of an unresolved petition. The first window opens with the first
     * response, each next one with the last report.
     */
    private void startProgress(Work w, String petitionId, Instant since) {
        PledgeClock resolution = w.get(Pledge.RESOLUTION);
        if (resolution == null || resolution.state() == TimerState.MET) {
            return;
        }
        Instant due = deadlinesOf(resolution).progressDue(since);
        PledgeClock progress = w.get(Pledge.PROGRESS);
        if (progress == null) {
            start(w, petitionId, Pledge.PROGRESS, resolution.label(), resolution.assignment(), resolution.timeBasis(), since, due);
            return;
        }
        if (progress.state() == TimerState.PAUSED || !since.isAfter(progress.startedAt())) {
            return; // waiting for the citizen, or a redelivered older report
        }
        announce(w, progress.restarted(since, due).scheduled(policy, w.now));
    }

    private void moveTo(Work w, PledgeClock clock, PledgeClock.Assignment to) {
        PledgeClock moved = clock.assignedTo(to);
        if (moved.state() != TimerState.RUNNING) {
            w.put(moved);
            return;
        }
        // The unit's region and the category's policy may change what was promised at receipt.
        PetitionDeadlines.Plan plan = deadlinesOf(moved).plan(moved.pledge(), moved.startedAt());
        TimeBasis basis = plan.basis() == null ? moved.timeBasis() : plan.basis();
        if (plan.dueAt().equals(moved.dueAt()) && basis == moved.timeBasis()) {
            w.put(moved);
            return;
        }
        announce(w, moved.due(plan.dueAt(), basis).scheduled(policy, w.now));
    }

    private String knownRegion(Work w, String region, String petitionId) {
        if (region == null || rules.regions().knows(region)) {
            return region;
        }
        w.warnings.add(String.format("petition %s: unit region '%s' has no calendar here (regions: %s); using the default calendar",
                petitionId, region, rules.regions().names()));
        return null;
    }

    private void pause(Work w, Pledge pledge, Instant at) {
        PledgeClock clock = w.get(pledge);
        if (clock == null || clock.state() != TimerState.RUNNING || !deadlinesOf(clock).policy().pauseWhileWaitingForCitizen()) {
            return;
        }
        long left = rules.regions().calendar(clock.assignment().region()).workingTimeBetween(at, clock.dueAt()).toSeconds();
        w.put(clock.paused(at));
        w.emit(new DeadlinePaused(clock.petitionId(), pledge, clock.assignment().unitCode(), clock.dueAt(), left, at), w.now);
    }

    private void resume(Work w, Pledge pledge, Instant at) {
        PledgeClock clock = w.get(pledge);
        if (clock == null || clock.state() != TimerState.PAUSED) {
            return;
        }
        Instant from = at.isBefore(clock.pausedAt()) ? clock.pausedAt() : at;
        announce(w, clock.resumed(deadlinesOf(clock).resumedDue(clock.pausedAt(), clock.dueAt(), from)).scheduled(policy, w.now));
    }

    private void settle(Work w, Pledge pledge, String unitCode, Instant at) {
        PledgeClock clock = w.get(pledge);
        if (clock == null || clock.state() == TimerState.MET) {
            return;
        }
        if (clock.state() == TimerState.BREACHED) {
            w.put(clock.actedAfterBreach(at));
            return;
        }
        w.put(clock.met(at));
        long elapsed = Math.max(0, Duration.between(clock.startedAt(), at).toSeconds());
        w.emit(new DeadlineMet(clock.petitionId(), pledge, unitCode, clock.dueAt(), at, elapsed), w.now);
    }

    /** Publishes the clock's (new) deadline, with whether it rests on official holiday notices only. */
    private void announce(Work w, PledgeClock clock) {
        PledgeClock told = clock.withCalendar(deadlinesOf(clock).calendarBetween(clock.startedAt(), clock.dueAt()));
        w.put(told);
        w.emit(new DeadlineSet(told.petitionId(), told.pledge(), told.timeBasis(), told.startedAt(), told.dueAt(), told.calendar()), w.now);
    }

    private PetitionDeadlines deadlinesOf(PledgeClock clock) {
        return rules.deadlines(clock.assignment().region(), clock.assignment().category());
    }

    /** The clocks while one event is applied: each step sees what the steps before it did. */
    private static final class Work {
        final Map<Pledge, PledgeClock> clocks = new EnumMap<>(Pledge.class);
        final List<Emission> emissions = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Instant now;

        Work(Map<Pledge, PledgeClock> current, Instant now) {
            clocks.putAll(current);
            this.now = now;
        }

        PledgeClock get(Pledge pledge) {
            return clocks.get(pledge);
        }

        void ifPresent(Pledge pledge, java.util.function.Consumer<PledgeClock> action) {
            PledgeClock clock = clocks.get(pledge);
            if (clock != null) {
                action.accept(clock);
            }
        }

        void put(PledgeClock clock) {
            clocks.put(clock.pledge(), clock);
        }

        void emit(PetitionEvent event, Instant at) {
            emissions.add(new Emission(event, at));
        }

        Decision decision(Map<Pledge, PledgeClock> before) {
            List<Pledge> changed = new ArrayList<>();
            for (Pledge pledge : ALL) {
                if (clocks.containsKey(pledge) && !Objects.equals(clocks.get(pledge), before.get(pledge))) {
                    changed.add(pledge);
                }
            }
            return new Decision(java.util.Collections.unmodifiableMap(new EnumMap<>(clocks)), List.copyOf(changed), List.copyOf(emissions), List.copyOf(warnings));
        }
    }
}
