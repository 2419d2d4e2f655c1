package io.wenzheng.sla.timer;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.inbox.EventConsumer;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.sla.pledge.FirstResponsePledge;
import io.wenzheng.sla.pledge.ResolutionPledge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Starts the first-response and resolution timers of each received petition, keeps their unit and category up to
 * date, and stops them when the unit responds or resolves.
 */
@ApplicationScoped
public class PledgeTracker {
    private final EventConsumer consumer;
    private final Outbox outbox;
    private final FirstResponsePledge firstResponse;
    private final ResolutionPledge resolution;
    private final TimerPolicy policy;

    @Inject
    public PledgeTracker(EventConsumer consumer, Outbox outbox, FirstResponsePledge firstResponse, ResolutionPledge resolution,
                         TimerPolicy policy) {
        this.consumer = consumer;
        this.outbox = outbox;
        this.firstResponse = firstResponse;
        this.resolution = resolution;
        this.policy = policy;
    }

    @Incoming("lifecycle-in")
    public Uni<Void> onLifecycle(Message<String> message) {
        return consumer.consume(message, "sla", this::apply);
    }

    Uni<Void> apply(ConsumedEvent event) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (event.data() instanceof PetitionReceived received) {
            FirstResponsePledge.Deadline first = firstResponse.deadlineFor(received.receivedAt());
            Instant resolveBy = resolution.dueFor(received.receivedAt(), null).toInstant();
            return start(received.petitionId(), Pledge.FIRST_RESPONSE, first.basis(), received.receivedAt(), first.dueAt(), now)
                    .chain(() -> start(received.petitionId(), Pledge.RESOLUTION, first.basis(), received.receivedAt(), resolveBy, now));
        }
        if (event.data() instanceof PetitionRouted routed) {
            return timer(routed.petitionId(), Pledge.FIRST_RESPONSE).invoke(t -> assign(t, routed))
                    .chain(() -> timer(routed.petitionId(), Pledge.RESOLUTION))
                    .chain(t -> {
                        assign(t, routed);
                        return recategorise(t, routed.category(), now);
                    });
        }
        if (event.data() instanceof io.wenzheng.contracts.PetitionTransferred transferred) {
            // The pledge is to the citizen: a transfer moves the clocks to the new unit, it does not restart them.
            return timer(transferred.petitionId(), Pledge.FIRST_RESPONSE).invoke(t -> moveTo(t, transferred.toUnitCode()))
                    .chain(() -> timer(transferred.petitionId(), Pledge.RESOLUTION)).invoke(t -> moveTo(t, transferred.toUnitCode()))
                    .replaceWithVoid();
        }
        if (event.data() instanceof PetitionResponded responded) {
            return settle(responded.petitionId(), Pledge.FIRST_RESPONSE, responded.unitCode(), responded.respondedAt(), now);
        }
        if (event.data() instanceof PetitionResolved resolved) {
            return settle(resolved.petitionId(), Pledge.FIRST_RESPONSE, resolved.unitCode(), resolved.resolvedAt(), now)
                    .chain(() -> settle(resolved.petitionId(), Pledge.RESOLUTION, resolved.unitCode(), resolved.resolvedAt(), now));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> start(String petitionId, Pledge pledge, TimeBasis basis, Instant startedAt, Instant dueAt, Instant now) {
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
            timer.reschedule(policy, now);
            return timer.persist().chain(() -> outbox.append(new DeadlineSet(petitionId, pledge, basis, startedAt, dueAt), now))
                    .replaceWithVoid();
        });
    }

    private static void assign(DeadlineTimer timer, PetitionRouted routed) {
        if (timer != null) {
            timer.unitCode = routed.unitCode();
            timer.category = routed.category();
        }
    }

    private static void moveTo(DeadlineTimer timer, String unitCode) {
        if (timer != null) {
            timer.unitCode = unitCode;
        }
    }

    /** A category with its own resolution time moves a running resolution deadline. */
    private Uni<Void> recategorise(DeadlineTimer timer, String category, Instant now) {
        if (timer == null || timer.state != TimerState.RUNNING) {
            return Uni.createFrom().voidItem();
        }
        Instant due = resolution.dueFor(timer.startedAt, category).toInstant();
        if (due.equals(timer.dueAt)) {
            return Uni.createFrom().voidItem();
        }
        timer.dueAt = due;
        timer.reschedule(policy, now);
        return outbox.append(new DeadlineSet(timer.petitionId, timer.pledge, timer.timeBasis, timer.startedAt, due), now).replaceWithVoid();
    }

    private Uni<Void> settle(String petitionId, Pledge pledge, String unitCode, Instant at, Instant now) {
        return timer(petitionId, pledge).chain(timer -> {
            if (timer == null || timer.state == TimerState.MET) {
                return Uni.createFrom().voidItem();
            }
            if (timer.state == TimerState.BREACHED) {
                timer.nextFireAt = null; // the unit acted at last: stop chasing it
                return Uni.createFrom().voidItem();
            }
            timer.state = TimerState.MET;
            timer.settledAt = at;
            timer.nextFireAt = null;
            long elapsed = Math.max(0, Duration.between(timer.startedAt, at).toSeconds());
            return outbox.append(new DeadlineMet(petitionId, pledge, unitCode, timer.dueAt, at, elapsed), now).replaceWithVoid();
        });
    }

    // Locked, so that a unit's action and the timer watch cannot both settle one timer.
    private static Uni<DeadlineTimer> timer(String petitionId, Pledge pledge) {
        return DeadlineTimer.findById(DeadlineTimer.idOf(petitionId, pledge), LockModeType.PESSIMISTIC_WRITE);
    }
}
