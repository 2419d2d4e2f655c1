package io.wenzheng.sla.timer;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.CitizenReplied;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlinePaused;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.PetitionAwaitingCitizen;
import io.wenzheng.contracts.PetitionProgressReported;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionReopened;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.PetitionTransferred;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.inbox.EventConsumer;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.sla.pledge.PetitionDeadlines;
import io.wenzheng.sla.pledge.SlaRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wenzheng.sla.calendar.MissingHolidayDataException;
import io.wenzheng.sla.calendar.notice.CalendarBook;
import java.time.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps a petition's clocks in step with its lifecycle: starts the first-response and resolution clocks at receipt,
 * moves them when routing names a unit, category or region, starts the progress clock at the first response,
 * pauses and resumes while the unit waits for the citizen, and stops them when the unit acts.
 */
@ApplicationScoped
public class PledgeTracker {
    private static final Logger LOG = Logger.getLogger(PledgeTracker.class);
    private static final Pledge[] ALL = Pledge.values();

    private final EventConsumer consumer;
    private final Outbox outbox;
    private final CalendarBook book;
    private final TimerPolicy policy;
    private final Clock clock;
    private final Counter uncomputable;

    @Inject
    public PledgeTracker(EventConsumer consumer, Outbox outbox, CalendarBook book, TimerPolicy policy, Clock clock,
                         MeterRegistry registry) {
        this.consumer = consumer;
        this.outbox = outbox;
        this.book = book;
        this.policy = policy;
        this.clock = clock;
        this.uncomputable = registry.counter("wenzheng.sla.calendar.uncomputable");
    }

    @Incoming("lifecycle-in")
    public Uni<Void> onLifecycle(Message<String> message) {
        return consumer.consume(message, "sla", this::apply);
    }

    /**
     * A calendar that cannot answer (a year with no notice that the statutory rules cannot compute either) is not the
     * event's fault: the petition is kept, the clocks it cannot have are logged and counted, and nothing goes to the DLQ.
     */
    Uni<Void> apply(ConsumedEvent event) {
        Uni<Void> applied;
        try {
            applied = applyOrFail(event);
        } catch (MissingHolidayDataException e) {
            return withoutClocks(event, e);
        }
        return applied.onFailure(MissingHolidayDataException.class).recoverWithUni(e -> withoutClocks(event, e));
    }

    private Uni<Void> withoutClocks(ConsumedEvent event, Throwable e) {
        uncomputable.increment();
        LOG.errorf("event %s (%s): the calendar cannot give this petition's deadlines: %s", event.id(), event.type().type(),
                e.getMessage());
        return Uni.createFrom().voidItem();
    }

    private SlaRules rules() {
        return book.rules();
    }

    private Uni<Void> applyOrFail(ConsumedEvent event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Object data = event.data();
        if (data instanceof PetitionReceived received && received.imported() != null) {
            return imported(received, now);
        }
        if (data instanceof PetitionReceived received) {
            PetitionDeadlines deadlines = rules().deadlines(null, null);
            PetitionDeadlines.FirstResponse first = deadlines.firstResponse(received.receivedAt());
            String title = io.wenzheng.contracts.PetitionTitle.of(received.subject(), received.text());
            return start(received.petitionId(), received.trackingCode(), title, Pledge.FIRST_RESPONSE, first.basis(), received.receivedAt(),
                            first.dueAt(), null, now)
                    .chain(() -> start(received.petitionId(), received.trackingCode(), title, Pledge.RESOLUTION, first.basis(), received.receivedAt(),
                            deadlines.resolutionDue(received.receivedAt()), null, now));
        }
        if (data instanceof PetitionRouted routed) {
            return forEachTimer(routed.petitionId(), t -> moveTo(t, routed.unitCode(), routed.districtCode(), routed.supervisingUnits(), routed.category(),
                    routed.calendarRegion(), now));
        }
        if (data instanceof PetitionTransferred transferred) {
            // The pledge is to the citizen: a transfer moves the clocks to the new unit, it does not restart them.
            return forEachTimer(transferred.petitionId(), t -> moveTo(t, transferred.toUnitCode(), transferred.toDistrictCode(), transferred.toSupervisingUnits(),
                    transferred.category() == null ? t.category : transferred.category(), transferred.calendarRegion(), now));
        }
        if (data instanceof PetitionResponded responded) {
            return settle(responded.petitionId(), Pledge.FIRST_RESPONSE, responded.unitCode(), responded.respondedAt(), now)
                    .chain(() -> startProgress(responded.petitionId(), responded.respondedAt(), now));
        }
        if (data instanceof PetitionProgressReported progress) {
            // A progress report reaches the citizen too, so it also counts as a first response.
            return settle(progress.petitionId(), Pledge.FIRST_RESPONSE, progress.unitCode(), progress.reportedAt(), now)
                    .chain(() -> settle(progress.petitionId(), Pledge.PROGRESS, progress.unitCode(), progress.reportedAt(), now))
                    .chain(() -> startProgress(progress.petitionId(), progress.reportedAt(), now));
        }
        if (data instanceof PetitionAwaitingCitizen waiting) {
            return pause(waiting.petitionId(), Pledge.RESOLUTION, waiting.askedAt(), now)
                    .chain(() -> pause(waiting.petitionId(), Pledge.PROGRESS, waiting.askedAt(), now));
        }
        if (data instanceof CitizenReplied replied) {
            return resume(replied.petitionId(), Pledge.RESOLUTION, replied.repliedAt(), now)
                    .chain(() -> resume(replied.petitionId(), Pledge.PROGRESS, replied.repliedAt(), now));
        }
        if (data instanceof PetitionResolved resolved) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Pledge pledge : ALL) {
                chain = chain.chain(() -> settle(resolved.petitionId(), pledge, resolved.unitCode(), resolved.resolvedAt(), now));
            }
            return chain;
        }
        if (data instanceof PetitionReopened reopened) {
            return reopen(reopened.petitionId(), reopened.reopenedAt(), now);
        }
        if (data instanceof io.wenzheng.contracts.PetitionRejected rejected) {
            return forEachTimer(rejected.petitionId(), t -> cancel(t, rejected.rejectedAt()));
        }
        if (data instanceof io.wenzheng.contracts.PetitionMerged merged) {
            return forEachTimer(merged.petitionId(), t -> cancel(t, merged.mergedAt()));
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * History's pledges are judged from its recorded times, without clocks; only what the record leaves open runs, as
     * a live clock would.
     */
    private Uni<Void> imported(PetitionReceived received, Instant now) {
        PetitionDeadlines deadlines = rules().deadlines(null, null);
        var settled = io.wenzheng.sla.pledge.HistoricalPledges.settled(received.imported());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var step : io.wenzheng.sla.pledge.HistoricalPledges.verdicts(received.petitionId(), received.receivedAt(), received.imported(), deadlines)) {
            chain = chain.chain(() -> outbox.append(step.event(), step.at()).replaceWithVoid());
        }
        PetitionDeadlines.FirstResponse first = deadlines.firstResponse(received.receivedAt());
        String title = io.wenzheng.contracts.PetitionTitle.of(received.subject(), received.text());
        if (!settled.contains(Pledge.FIRST_RESPONSE)) {
            chain = chain.chain(() -> start(received.petitionId(), received.trackingCode(), title, Pledge.FIRST_RESPONSE, first.basis(),
                    received.receivedAt(), first.dueAt(), null, now));
        }
        if (!settled.contains(Pledge.RESOLUTION)) {
            chain = chain.chain(() -> start(received.petitionId(), received.trackingCode(), title, Pledge.RESOLUTION, first.basis(),
                    received.receivedAt(), deadlines.resolutionDue(received.receivedAt()), null, now));
        }
        return chain;
    }

    /**
     * 重办: an unsatisfied citizen sent the case back. The unit owes a new resolution, on a full new resolution window
     * from the reopening, with progress reports again; the first-response pledge was kept and stays settled.
     */
    private Uni<Void> reopen(String petitionId, Instant at, Instant now) {
        return timer(petitionId, Pledge.RESOLUTION).chain(resolution -> {
            if (resolution == null || resolution.state != TimerState.MET || !at.isAfter(resolution.settledAt)) {
                return Uni.createFrom().voidItem(); // nothing to reopen, or a redelivered older reopening
            }
            resolution.startedAt = at;
            resolution.dueAt = deadlinesOf(resolution).resolutionDue(at);
            resolution.state = TimerState.RUNNING;
            resolution.settledAt = null;
            resolution.warned = false;
            resolution.escalationLevel = 0;
            resolution.reschedule(policy, now);
            return announce(resolution, now).chain(() -> reopenProgress(petitionId, at, now));
        });
    }

    private Uni<Void> reopenProgress(String petitionId, Instant at, Instant now) {
        return timer(petitionId, Pledge.PROGRESS).chain(progress -> {
            if (progress != null && progress.state == TimerState.MET) {
                progress.state = TimerState.RUNNING;
            }
            return startProgress(petitionId, at, now);
        });
    }

    private Uni<Void> start(String petitionId, String trackingCode, String title, Pledge pledge, TimeBasis basis, Instant startedAt, Instant dueAt,
                            DeadlineTimer like, Instant now) {
        return timer(petitionId, pledge).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            DeadlineTimer timer = new DeadlineTimer();
            timer.id = DeadlineTimer.idOf(petitionId, pledge);
            timer.petitionId = petitionId;
            timer.pledge = pledge;
            timer.timeBasis = basis;
            timer.startedAt = startedAt;
            timer.dueAt = dueAt;
            timer.state = TimerState.RUNNING;
            timer.trackingCode = trackingCode != null ? trackingCode : like != null ? like.trackingCode : null;
            timer.title = title != null ? title : like != null ? like.title : null;
            if (like != null) {
                timer.unitCode = like.unitCode;
                timer.category = like.category;
                timer.region = like.region;
            }
            timer.reschedule(policy, now);
            return timer.persist().chain(() -> announce(timer, now));
        });
    }

    /**
     * Starts, or starts again, the progress clock of an unresolved petition. The first window opens with the first
     * response, each next one with the last report.
     */
    private Uni<Void> startProgress(String petitionId, Instant since, Instant now) {
        return timer(petitionId, Pledge.RESOLUTION).chain(resolution -> {
            if (resolution == null || resolution.state == TimerState.MET) {
                return Uni.createFrom().voidItem();
            }
            Instant due = deadlinesOf(resolution).progressDue(since);
            return timer(petitionId, Pledge.PROGRESS).chain(progress -> {
                if (progress == null) {
                    return start(petitionId, null, null, Pledge.PROGRESS, resolution.timeBasis, since, due, resolution, now);
                }
                if (progress.state == TimerState.PAUSED || !since.isAfter(progress.startedAt)) {
                    return Uni.createFrom().voidItem(); // waiting for the citizen, or a redelivered older report
                }
                progress.startedAt = since;
                progress.dueAt = due;
                progress.state = TimerState.RUNNING;
                progress.settledAt = null;
                progress.warned = false;
                progress.escalationLevel = 0;
                progress.reschedule(policy, now);
                return announce(progress, now);
            });
        });
    }

    private Uni<Void> moveTo(DeadlineTimer timer, String unitCode, String districtCode, java.util.List<String> supervisingUnits,
                             String category, String region, Instant now) {
        timer.unitCode = unitCode;
        timer.districtCode = districtCode;
        timer.supervisingUnits = io.wenzheng.kit.security.Sight.encode(supervisingUnits);
        timer.category = category;
        timer.region = knownRegion(region, timer.petitionId);
        if (timer.state != TimerState.RUNNING) {
            return Uni.createFrom().voidItem();
        }
        // The unit's region and the category's policy may change what was promised at receipt.
        PetitionDeadlines.Plan plan = deadlinesOf(timer).plan(timer.pledge, timer.startedAt);
        TimeBasis basis = plan.basis() == null ? timer.timeBasis : plan.basis();
        if (plan.dueAt().equals(timer.dueAt) && basis == timer.timeBasis) {
            return Uni.createFrom().voidItem();
        }
        timer.dueAt = plan.dueAt();
        timer.timeBasis = basis;
        timer.reschedule(policy, now);
        return announce(timer, now);
    }

    private String knownRegion(String region, String petitionId) {
        if (region == null || rules().regions().knows(region)) {
            return region;
        }
        LOG.warnf("petition %s: unit region '%s' has no calendar here (regions: %s); using the default calendar",
                petitionId, region, rules().regions().names());
        return null;
    }

    private Uni<Void> pause(String petitionId, Pledge pledge, Instant at, Instant now) {
        return timer(petitionId, pledge).chain(timer -> {
            if (timer == null || timer.state != TimerState.RUNNING || !deadlinesOf(timer).policy().pauseWhileWaitingForCitizen()) {
                return Uni.createFrom().voidItem();
            }
            long left = rules().regions().calendar(timer.region).workingTimeBetween(at, timer.dueAt).toSeconds();
            timer.state = TimerState.PAUSED;
            timer.pausedAt = at;
            timer.nextFireAt = null;
            return outbox.append(new DeadlinePaused(petitionId, pledge, timer.unitCode, timer.dueAt, left, at), now).replaceWithVoid();
        });
    }

    private Uni<Void> resume(String petitionId, Pledge pledge, Instant at, Instant now) {
        return timer(petitionId, pledge).chain(timer -> {
            if (timer == null || timer.state != TimerState.PAUSED) {
                return Uni.createFrom().voidItem();
            }
            timer.dueAt = deadlinesOf(timer).resumedDue(timer.pausedAt, timer.dueAt, at.isBefore(timer.pausedAt) ? timer.pausedAt : at);
            timer.state = TimerState.RUNNING;
            timer.pausedAt = null;
            timer.reschedule(policy, now);
            return announce(timer, now);
        });
    }

    private Uni<Void> settle(String petitionId, Pledge pledge, String unitCode, Instant at, Instant now) {
        return timer(petitionId, pledge).chain(timer -> {
            if (timer == null || timer.state == TimerState.MET) {
                return Uni.createFrom().voidItem();
            }
            if (timer.state == TimerState.BREACHED) {
                timer.nextFireAt = null; // the unit acted at last: stop chasing it
                timer.settledAt = at;
                return Uni.createFrom().voidItem();
            }
            timer.state = TimerState.MET;
            timer.settledAt = at;
            timer.pausedAt = null;
            timer.nextFireAt = null;
            long elapsed = Math.max(0, Duration.between(timer.startedAt, at).toSeconds());
            return outbox.append(new DeadlineMet(petitionId, pledge, unitCode, timer.dueAt, at, elapsed), now).replaceWithVoid();
        });
    }

    /** Nothing is owed any more: the clock stops, and neither a met nor a breach is counted. */
    private static Uni<Void> cancel(DeadlineTimer timer, Instant at) {
        if (timer.state == TimerState.RUNNING || timer.state == TimerState.PAUSED) {
            timer.state = TimerState.CANCELLED;
            timer.settledAt = at;
        }
        timer.pausedAt = null;
        timer.nextFireAt = null;
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> announce(DeadlineTimer timer, Instant now) {
        timer.calendar = deadlinesOf(timer).calendarBetween(timer.startedAt, timer.dueAt);
        return outbox.append(new DeadlineSet(timer.petitionId, timer.pledge, timer.timeBasis, timer.startedAt, timer.dueAt,
                timer.calendar), now).replaceWithVoid();
    }

    private PetitionDeadlines deadlinesOf(DeadlineTimer timer) {
        return rules().deadlines(timer.region, timer.category);
    }

    private Uni<Void> forEachTimer(String petitionId, java.util.function.Function<DeadlineTimer, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Pledge pledge : ALL) {
            chain = chain.chain(() -> timer(petitionId, pledge).chain(t -> t == null ? Uni.createFrom().voidItem() : action.apply(t)));
        }
        return chain;
    }

    // Locked, so that a unit's action and the timer watch cannot both settle one timer.
    private static Uni<DeadlineTimer> timer(String petitionId, Pledge pledge) {
        return DeadlineTimer.findById(DeadlineTimer.idOf(petitionId, pledge), LockModeType.PESSIMISTIC_WRITE);
    }
}
