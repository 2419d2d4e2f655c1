package io.wenzheng.sla.timer;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.inbox.EventConsumer;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.sla.calendar.HolidayData;
import io.wenzheng.sla.pledge.FirstResponsePledge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Starts a first-response timer for each received petition, and settles it when the unit responds. */
@ApplicationScoped
public class PledgeTracker {
    private final EventConsumer consumer;
    private final Outbox outbox;
    private final FirstResponsePledge pledge = new FirstResponsePledge(HolidayData.defaultCalendar());

    @Inject
    public PledgeTracker(EventConsumer consumer, Outbox outbox) {
        this.consumer = consumer;
        this.outbox = outbox;
    }

    @Incoming("lifecycle-in")
    public Uni<Void> onLifecycle(Message<String> message) {
        return consumer.consume(message, "sla", this::apply);
    }

    Uni<Void> apply(ConsumedEvent event) {
        if (event.data() instanceof PetitionReceived received) {
            return start(received);
        }
        if (event.data() instanceof PetitionRouted routed) {
            return timer(routed.petitionId()).invoke(t -> {
                if (t != null) {
                    t.unitCode = routed.unitCode();
                }
            }).replaceWithVoid();
        }
        if (event.data() instanceof PetitionResponded responded) {
            return settle(responded);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> start(PetitionReceived received) {
        return timer(received.petitionId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            FirstResponsePledge.Deadline deadline = pledge.deadlineFor(received.receivedAt());
            DeadlineTimer timer = new DeadlineTimer();
            timer.id = DeadlineTimer.idOf(received.petitionId(), Pledge.FIRST_RESPONSE);
            timer.petitionId = received.petitionId();
            timer.pledge = Pledge.FIRST_RESPONSE;
            timer.timeBasis = deadline.basis();
            timer.startedAt = deadline.startedAt();
            timer.dueAt = deadline.dueAt();
            timer.state = TimerState.RUNNING;
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return timer.persist().chain(() -> outbox.append(new DeadlineSet(timer.petitionId, timer.pledge, timer.timeBasis,
                    timer.startedAt, timer.dueAt), now)).replaceWithVoid();
        });
    }

    private Uni<Void> settle(PetitionResponded responded) {
        return timer(responded.petitionId()).chain(timer -> {
            if (timer == null || timer.state != TimerState.RUNNING) {
                return Uni.createFrom().voidItem();
            }
            timer.state = TimerState.MET;
            timer.settledAt = responded.respondedAt();
            return outbox.append(new DeadlineMet(timer.petitionId, timer.pledge, responded.unitCode(), timer.dueAt,
                    responded.respondedAt()), Instant.now().truncatedTo(ChronoUnit.MICROS)).replaceWithVoid();
        });
    }

    private static Uni<DeadlineTimer> timer(String petitionId) {
        // Locked, so that a response and the breach watch cannot both settle one timer.
        return DeadlineTimer.findById(DeadlineTimer.idOf(petitionId, Pledge.FIRST_RESPONSE), LockModeType.PESSIMISTIC_WRITE);
    }
}
