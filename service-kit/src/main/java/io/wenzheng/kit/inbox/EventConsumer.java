package io.wenzheng.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.MalformedEventException;
import io.wenzheng.kit.sql.MultiRowStatement;
import io.wenzheng.kit.sql.TransactionConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.wenzheng.kit.trace.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The one way a service consumes events: parse the CloudEvents, skip those this consumer already processed, run the
 * handler and record the ids in the same transaction, and acknowledge only after the commit.
 *
 * <p>A poll batch ({@link #consumeBatch}) is one transaction: one statement claims its ids, the handler loads what
 * it needs for all of them at once, and one commit settles them. A record that makes the batch fail is found by
 * {@link PoisonIsolation} and goes alone to the channel's dead-letter topic with the reason; the rest commit in order.
 * A malformed record goes there straight away; a transient failure of a single record retries with backoff first; a
 * database outage is waited out, however long.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final MultiRowStatement CLAIM = new MultiRowStatement(
            "insert into inbox_event (id, consumer, event_id, event_type, processed_at) values ", "(?, ?, ?, ?, ?)",
            " on conflict (id) do nothing returning event_id");

    private final MeterRegistry registry;

    @Inject
    io.wenzheng.kit.trace.Spans spans;
    @Inject
    Pool pool;

    @Inject
    public EventConsumer(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Outcome of one delivery, for metrics and tests. */
    public enum Outcome { PROCESSED, DUPLICATE, IGNORED, DEAD_LETTERED }

    /**
     * A handler for a run of events in one transaction, in the order they were read. It answers the events it refused
     * ({@link Refusal}), for which it changed nothing; those go to the dead-letter topic and the rest commit.
     */
    @FunctionalInterface
    public interface BatchHandler extends Function<List<ConsumedEvent>, Uni<List<Refusal>>> {
        /**
         * Whether the handler works with Hibernate (entities, Panache) for these events; then their batch runs in a
         * Panache transaction, else in a transaction on the pool.
         */
        default boolean usesHibernate(List<ConsumedEvent> events) {
            return true;
        }
    }

    /**
     * A handler that reads and writes only with the kit's statements ({@code kit.sql}): its batch runs in a transaction
     * on the pool, with no Hibernate session to open, flush and close around it.
     */
    public static BatchHandler withoutHibernate(BatchHandler handler) {
        return new BatchHandler() {
            @Override
            public Uni<List<Refusal>> apply(List<ConsumedEvent> events) {
                return handler.apply(events);
            }

            @Override
            public boolean usesHibernate(List<ConsumedEvent> events) {
                return false;
            }
        };
    }

    /** A batch handler that applies every event it is given, or fails the run. */
    public static BatchHandler acceptingAll(Function<List<ConsumedEvent>, Uni<Void>> handler) {
        return events -> handler.apply(events).replaceWith(List::of);
    }

    /**
     * Adapts a handler of one event to a batch: the events of the run, one after the other, in its transaction. An
     * event the handler refuses with {@link EventRefused} is answered as refused, and the run goes on.
     */
    public static BatchHandler oneByOne(Function<ConsumedEvent, Uni<Void>> handler) {
        return events -> {
            List<Refusal> refused = new ArrayList<>();
            return Multi.createFrom().iterable(events)
                    .onItem().transformToUniAndConcatenate(event -> Uni.createFrom().deferred(() -> {
                                event.makeCurrent();
                                return handler.apply(event);
                            })
                            .onFailure(EventRefused.class).recoverWithUni(e -> {
                                refused.add(new Refusal(event.id(), e.getMessage()));
                                return Uni.createFrom().voidItem();
                            }))
                    .collect().last().replaceWith(() -> List.copyOf(refused));
        };
    }

    public Uni<Void> consumeBatch(KafkaRecordBatch<String, String> batch, String consumer, BatchHandler handler) {
        return consumeBatch(batch, consumer, event -> true, handler);
    }

    /**
     * Consumes a poll batch. Events this consumer does not act on, and redeliveries within the batch, never reach the
     * handler. Whether it acts on one is decided from the headers, so the data of a skipped event is never parsed (nor
     * dead-lettered by this consumer when it is malformed: the consumers that act on it do that). The batch is
     * acknowledged (its latest offsets committed) once every record is either committed or dead-lettered.
     */
    public Uni<Void> consumeBatch(KafkaRecordBatch<String, String> batch, String consumer, Predicate<EventHead> handles,
                                  BatchHandler handler) {
        List<Read> good = new ArrayList<>();
        List<PoisonIsolation.Failed<KafkaRecord<String, String>>> malformed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int ignored = 0;
        int duplicates = 0;
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                Optional<EventHead> head = head(record);
                if (head.isEmpty() || !handles.test(head.get())) {
                    ignored++;
                } else if (!seen.add(head.get().id())) {
                    duplicates++;
                } else {
                    good.add(new Read(record, withData(record, head.get(), null)));
                }
            } catch (MalformedEventException e) {
                malformed.add(new PoisonIsolation.Failed<>(record, e));
            }
        }
        count(consumer, Outcome.IGNORED, ignored);
        count(consumer, Outcome.DUPLICATE, duplicates);
        batchSize(consumer).record(good.size());
        return deadLetterAll(consumer, malformed)
                .chain(() -> PoisonIsolation.<Read>run(good, run -> attempt(consumer, run, handler)))
                .chain(failed -> deadLetterAll(consumer, failed.stream()
                        .map(f -> new PoisonIsolation.Failed<>(f.item().record(), f.reason())).toList()))
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    /** A record of a batch with its parsed event. */
    private record Read(KafkaRecord<String, String> record, ConsumedEvent event) {
    }

    /**
     * One transaction for a run of consecutive records: claim their ids, hand the new ones over, release the claims of
     * those the handler refused (so that a replay from the dead-letter topic is not taken for a repeat), commit.
     * Answers the refused records.
     */
    private Uni<List<PoisonIsolation.Failed<Read>>> attempt(String consumer, List<Read> run, BatchHandler handler) {
        List<io.opentelemetry.api.trace.Span> started = new ArrayList<>();
        List<ConsumedEvent> events = new ArrayList<>();
        for (Read read : run) {
            ConsumedEvent event = read.event();
            var span = spans.consuming(consumer, event.type().type(), event.petitionId(), traceparent(read.record()));
            started.add(span);
            // What the handler writes for this event continues its trace (see ConsumedEvent.makeCurrent).
            events.add(!span.getSpanContext().isValid() ? event : new ConsumedEvent(event.id(), event.type(), event.source(),
                    event.time(), event.data(), TraceContext.of(span.getSpanContext()), event.json()));
        }
        java.util.function.Supplier<Uni<Handled>> work = () -> claimAll(consumer, events).chain(fresh -> {
            List<ConsumedEvent> toHandle = events.stream().filter(e -> fresh.contains(e.id())).toList();
            return toHandle.isEmpty() ? Uni.createFrom().item(new Handled(toHandle, List.of()))
                    : handler.apply(toHandle).chain(refused -> unclaim(consumer, refused).replaceWith(() -> new Handled(toHandle, refused)));
        });
        Uni<Handled> committed = (handler.usesHibernate(events) ? Panache.withTransaction(work) : TransactionConnection.inTransaction(pool, work))
                .onFailure(io.wenzheng.kit.DatabaseOutage::isCause).invoke(e -> LOG.warnf(
                        "%s: database unreachable, a batch of %d waits: %s", consumer, run.size(), e.toString()))
                .onFailure(io.wenzheng.kit.DatabaseOutage::isCause).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely();
        if (run.size() == 1) {
            ConsumedEvent only = events.get(0);
            committed = committed
                    .onFailure(EventConsumer::transientFailure).invoke(e -> LOG.warnf("%s: %s %s failed, will retry: %s",
                            consumer, only.type().type(), only.id(), e.toString()))
                    .onFailure(EventConsumer::transientFailure).retry()
                    .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(10);
        } else {
            committed = committed.onFailure().invoke(e -> {
                LOG.infof("%s: a batch of %d failed (%s); trying its halves", consumer, run.size(), e.toString());
                registry.counter("wenzheng.consumer.batch.splits", "consumer", consumer).increment();
            });
        }
        return committed.onItemOrFailure().invoke((handled, failure) -> {
            started.forEach(span -> io.wenzheng.kit.trace.Spans.end(span, failure));
            if (failure == null) {
                count(consumer, Outcome.DUPLICATE, events.size() - handled.fresh().size());
                handled.fresh().stream().filter(event -> !handled.reasons().containsKey(event.id())).forEach(event -> {
                    count(consumer, Outcome.PROCESSED);
                    delay(consumer, event);
                });
            }
        }).map(handled -> run.stream().filter(read -> handled.reasons().containsKey(read.event().id()))
                .map(read -> new PoisonIsolation.Failed<>(read, (Throwable) new EventRefused(handled.reasons().get(read.event().id()))))
                .toList());
    }

    /** The events a run handed over, and the reasons the handler gave for those it refused, by event id. */
    private record Handled(List<ConsumedEvent> fresh, java.util.Map<String, String> reasons) {
        Handled(List<ConsumedEvent> fresh, List<Refusal> refused) {
            this(fresh, refused.stream().collect(java.util.stream.Collectors.toMap(Refusal::eventId, Refusal::reason, (a, b) -> a)));
        }
    }

    private static Uni<Void> unclaim(String consumer, List<Refusal> refused) {
        if (refused.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] keys = refused.stream().map(r -> InboxEntry.key(consumer, r.eventId())).toArray(String[]::new);
        return TransactionConnection.update("delete from inbox_event where id = any($1)", (Object) keys).replaceWithVoid();
    }

    /**
     * Claims a run of events for this consumer in one statement; answers the ids that no earlier delivery claimed.
     * Call it inside the transaction that handles them.
     */
    public static Uni<Set<String>> claimAll(String consumer, List<ConsumedEvent> events) {
        java.time.OffsetDateTime now = io.wenzheng.kit.sql.Timestamptz.now();
        return CLAIM.returning(events.stream().map(event -> java.util.Arrays.<Object>asList(
                        InboxEntry.key(consumer, event.id()), consumer, event.id(), event.type().type(), now)).toList(), String.class)
                .map(Set::copyOf);
    }

    /**
     * Dead-letters a batch's refused and malformed records, many sends in flight at once. One after the other, each
     * waiting for the broker's acknowledgement, ten thousand refusals took three and a half minutes in the e2e run, and
     * the channel's other events (intake's timeline reads petition.lifecycle and petition.sla in one) waited behind them.
     */
    private Uni<Void> deadLetterAll(String consumer, List<PoisonIsolation.Failed<KafkaRecord<String, String>>> failed) {
        return failed.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(failed)
                .onItem().transformToUni(f -> deadLetter(f.item(), consumer, f.reason())).merge(DEAD_LETTERS_IN_FLIGHT)
                .collect().last().replaceWithVoid();
    }

    /** Enough to fill the dead-letter producer's batches; the producer's own buffer bounds the memory. */
    private static final int DEAD_LETTERS_IN_FLIGHT = 128;

    private io.micrometer.core.instrument.DistributionSummary batchSize(String consumer) {
        return io.micrometer.core.instrument.DistributionSummary.builder("wenzheng.consumer.batch.size")
                .description("events a consumer handled in one poll batch, after skipping those it does not act on")
                .tag("consumer", consumer)
                .serviceLevelObjectives(1, 10, 50, 100, 250, 500)
                .register(registry);
    }

    /**
     * Records in the caller's transaction that this consumer processed this id; false when it already had. For
     * consumers of messages that are not the suite's events, such as units' commands.
     */
    public static Uni<Boolean> claim(String consumer, String id, String type) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into inbox_event (id, consumer, event_id, event_type, processed_at) values (?1, ?2, ?3, ?4, ?5) "
                                + "on conflict (id) do nothing")
                .setParameter(1, InboxEntry.key(consumer, id))
                .setParameter(2, consumer)
                .setParameter(3, id)
                .setParameter(4, type)
                .setParameter(5, io.wenzheng.kit.sql.Timestamptz.now())
                .executeUpdate())
                .map(claimed -> claimed > 0);
    }

    /** Reads the CloudEvent's headers; empty for event types this suite version does not know (types are additive). */
    static Optional<EventHead> head(Message<String> message) {
        IncomingCloudEventMetadata<?> ce = cloudEvent(message);
        if (ce.getId() == null || ce.getId().isBlank()) {
            throw new MalformedEventException("CloudEvent without id");
        }
        return EventType.ofType(ce.getType()).map(type -> new EventHead(ce.getId(), type, String.valueOf(ce.getSource())));
    }

    private static IncomingCloudEventMetadata<?> cloudEvent(Message<String> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new MalformedEventException("not a CloudEvent: ce_* headers missing"));
    }

    /** Reads the data of an event whose head was read; throws {@link MalformedEventException} when it is not valid. */
    static ConsumedEvent withData(Message<String> message, EventHead head, String trace) {
        IncomingCloudEventMetadata<?> ce = cloudEvent(message);
        Object data = message.getPayload();
        if (!(data instanceof String json) || json.isBlank()) {
            throw new MalformedEventException("CloudEvent " + ce.getId() + " has no data");
        }
        var payload = EventJson.read(json, head.type());
        if (ce.getSubject().isPresent() && !ce.getSubject().get().equals(payload.petitionId())) {
            throw new MalformedEventException("subject " + ce.getSubject().get() + " does not match petitionId " + payload.petitionId());
        }
        Instant time = ce.getTimeStamp().map(t -> t.toInstant()).orElse(Instant.now());
        return new ConsumedEvent(head.id(), head.type(), head.source(), time, payload, trace, json);
    }

    private static String traceparent(Message<String> message) {
        return message.getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
                .map(m -> m.getHeaders().lastHeader(TraceContext.HEADER))
                .map(h -> new String(h.value(), java.nio.charset.StandardCharsets.US_ASCII))
                .orElse(null);
    }

    private static boolean transientFailure(Throwable failure) {
        return !(failure instanceof MalformedEventException || failure instanceof IllegalArgumentException)
                && !io.wenzheng.kit.DatabaseOutage.isCause(failure) && !refusedData(failure);
    }

    /**
     * PostgreSQL refused the event's data itself (SQLSTATE class 22: a value too long for its column, a number out of
     * range): every retry would fail the same way, so the event goes to the dead-letter topic at once instead of
     * holding its partition through ten retries.
     */
    static boolean refusedData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof io.vertx.pgclient.PgException pg ? pg.getSqlState()
                    : t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            if (state != null && state.startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A channel may read several topics (intake's and analytics' read petition.lifecycle and petition.sla in one poll
     * loop), so the dead-letter topic is the record's own topic's ({@code <topic>.dlq}), not one per channel.
     */
    private Uni<Void> deadLetter(KafkaRecord<String, String> record, String consumer, Throwable reason) {
        LOG.warnf("%s: dead-lettering message: %s", consumer, reason.getMessage());
        count(consumer, Outcome.DEAD_LETTERED);
        var where = org.eclipse.microprofile.reactive.messaging.Metadata.of(io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata
                .<String>builder().withTopic(io.wenzheng.contracts.Topics.deadLetter(record.getTopic())).build());
        return Uni.createFrom().completionStage(() -> record.nack(reason, where));
    }

    /**
     * Pipeline latency per stage: from the moment the event was produced (its CloudEvents time) to the moment this
     * consumer committed its effect. Routing's delay on petition.received is "accepted → routed", and so on.
     */
    private void delay(String consumer, ConsumedEvent event) {
        io.micrometer.core.instrument.Timer.builder("wenzheng.pipeline.delay")
                .description("from an event's production to its consumer's commit")
                .tag("consumer", consumer).tag("type", event.type().type())
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .register(registry)
                .record(Duration.between(event.time(), Instant.now()).abs());
    }

    private void count(String consumer, Outcome outcome) {
        count(consumer, outcome, 1);
    }

    private void count(String consumer, Outcome outcome, int n) {
        if (n > 0) {
            registry.counter("wenzheng.consumer.events", "consumer", consumer, "outcome", outcome.name().toLowerCase()).increment(n);
        }
    }
}
