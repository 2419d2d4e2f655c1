package io.wenzheng.sla.timer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.inbox.EventConsumer;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.sla.calendar.MissingHolidayDataException;
import io.wenzheng.sla.calendar.notice.CalendarBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps a petition's clocks in step with its lifecycle: loads the petition's clocks in one locked query, lets
 * {@link PledgeClocks} decide, writes the changed rows and appends the events to the outbox, in the consumer's
 * transaction.
 */
@ApplicationScoped
public class PledgeTracker {
    private static final Logger LOG = Logger.getLogger(PledgeTracker.class);

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
        PetitionEvent about = event.data();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Locked, so that a unit's action and the timer watch cannot both settle one clock.
        return DeadlineTimer.<DeadlineTimer>find("petitionId", about.petitionId()).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(rows -> {
                    Map<Pledge, DeadlineTimer> byPledge = new EnumMap<>(Pledge.class);
                    Map<Pledge, PledgeClock> clocks = new EnumMap<>(Pledge.class);
                    for (DeadlineTimer row : rows) {
                        byPledge.put(row.pledge, row);
                        clocks.put(row.pledge, row.clock());
                    }
                    PledgeClocks.Decision decision;
                    try {
                        decision = new PledgeClocks(book.rules(), policy).decide(clocks, about, now);
                    } catch (MissingHolidayDataException e) {
                        return withoutClocks(event, e);
                    }
                    return save(decision, byPledge);
                });
    }

    private Uni<Void> save(PledgeClocks.Decision decision, Map<Pledge, DeadlineTimer> rows) {
        decision.warnings().forEach(LOG::warn);
        List<DeadlineTimer> created = new ArrayList<>();
        for (Pledge pledge : decision.changed()) {
            PledgeClock changed = decision.clocks().get(pledge);
            DeadlineTimer row = rows.get(pledge);
            if (row == null) {
                created.add(DeadlineTimer.of(changed));
            } else {
                row.take(changed);
            }
        }
        Uni<Void> chain = created.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> session.persistAll(created.toArray()));
        for (PledgeClocks.Emission emission : decision.emissions()) {
            chain = chain.chain(() -> outbox.append(emission.event(), emission.at()).replaceWithVoid());
        }
        return chain;
    }

    private Uni<Void> withoutClocks(ConsumedEvent event, Throwable e) {
        uncomputable.increment();
        LOG.errorf("event %s (%s): the calendar cannot give this petition's deadlines: %s", event.id(), event.type().type(),
                e.getMessage());
        return Uni.createFrom().voidItem();
    }
}
