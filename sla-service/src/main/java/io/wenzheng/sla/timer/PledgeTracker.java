package io.wenzheng.sla.timer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps petitions' clocks in step with their lifecycle, a poll batch at a time: loads the batch's clocks in one
 * locked query, lets {@link PledgeClocks} decide, upserts the changed clocks and appends the events to the outbox, in
 * the consumer's one transaction, with plain statements and no Hibernate session.
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
    public Uni<Void> onLifecycle(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, "sla", EventConsumer.withoutHibernate(EventConsumer.acceptingAll(this::apply)));
    }

    /**
     * One batch: every clock of every petition in it, in one locked query; then the decisions, event by event in the
     * order read (a petition's later event sees its earlier one's clocks); then the changed clocks in one upsert and
     * the outbox in one statement, in a transaction on the pool: nothing here is an entity.
     *
     * <p>A calendar that cannot answer (a year with no notice that the statutory rules cannot compute either) is not
     * the event's fault: the petition is kept, the clocks it cannot have are logged and counted, and nothing goes to
     * the DLQ.
     */
    Uni<Void> apply(List<ConsumedEvent> events) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> petitions = events.stream().map(ConsumedEvent::petitionId).distinct().sorted().toList();
        return TimerRows.lock(petitions)
                .chain(read -> {
                    Map<String, Map<Pledge, PledgeClock>> byPetition = new HashMap<>();
                    for (PledgeClock clock : read) {
                        byPetition.computeIfAbsent(clock.petitionId(), id -> new EnumMap<>(Pledge.class)).put(clock.pledge(), clock);
                    }
                    PledgeClocks decide = new PledgeClocks(book.rules(), policy);
                    Set<PledgeClock.Key> changed = new LinkedHashSet<>();
                    var appends = outbox.appends();
                    for (ConsumedEvent event : events) {
                        Map<Pledge, PledgeClock> clocks = byPetition.computeIfAbsent(event.petitionId(), id -> new EnumMap<>(Pledge.class));
                        PledgeClocks.Decision decision;
                        try {
                            decision = decide.decide(new EnumMap<>(clocks), event.data(), now);
                        } catch (MissingHolidayDataException e) {
                            withoutClocks(event, e);
                            continue;
                        }
                        decision.warnings().forEach(LOG::warn);
                        for (Pledge pledge : decision.changed()) {
                            clocks.put(pledge, decision.clocks().get(pledge));
                            changed.add(new PledgeClock.Key(event.petitionId(), pledge));
                        }
                        event.makeCurrent();
                        decision.emissions().forEach(emission -> appends.add(emission.event(), emission.at()));
                    }
                    List<PledgeClock> written = changed.stream().map(key -> byPetition.get(key.petitionId()).get(key.pledge())).toList();
                    return TimerRows.upsert(written).chain(appends::write);
                });
    }

    private void withoutClocks(ConsumedEvent event, Throwable e) {
        uncomputable.increment();
        LOG.errorf("event %s (%s): the calendar cannot give this petition's deadlines: %s", event.id(), event.type().type(),
                e.getMessage());
    }
}
