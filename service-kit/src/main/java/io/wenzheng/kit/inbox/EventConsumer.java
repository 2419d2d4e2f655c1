package io.wenzheng.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.MalformedEventException;
import io.wenzheng.kit.trace.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The one way a service consumes an event: parse the CloudEvent, skip it if this consumer already processed its id,
 * otherwise run the handler and record the id in the same transaction, and acknowledge only after the commit.
 * Poison messages are nacked straight away, which sends them to the channel's dead-letter topic with the reason;
 * transient failures retry with backoff first.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final MeterRegistry registry;

    @Inject
    io.wenzheng.kit.trace.Spans spans;
    @Inject
    public EventConsumer(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Outcome of one delivery, for metrics and tests. */
    public enum Outcome { PROCESSED, DUPLICATE, IGNORED, DEAD_LETTERED }

    public Uni<Void> consume(Message<String> message, String consumer, Function<ConsumedEvent, Uni<Void>> handler) {
        return consume(message, consumer, event -> true, handler);
    }

    /**
     * Like {@link #consume(Message, String, Function)} for a consumer that acts on some events only: the others are
     * acknowledged without a transaction, which on a shared topic is much of what it reads.
     */
    public Uni<Void> consume(Message<String> message, String consumer, java.util.function.Predicate<ConsumedEvent> handles,
                             Function<ConsumedEvent, Uni<Void>> handler) {
        ConsumedEvent event;
        try {
            Optional<ConsumedEvent> parsed = parse(message);
            if (parsed.isEmpty() || !handles.test(parsed.get())) {
                count(consumer, Outcome.IGNORED);
                return Uni.createFrom().completionStage(message::ack);
            }
            event = parsed.get();
        } catch (MalformedEventException e) {
            return deadLetter(message, consumer, e);
        }
        var span = spans.consuming(consumer, event.type().type(), event.petitionId(), traceparent(message));
        return Panache.withTransaction(() -> processOnce(consumer, event, handler))
                // A database outage is waited out, however long: the event is good, and its partition waits with it.
                .onFailure(io.wenzheng.kit.DatabaseOutage::isCause).invoke(e -> LOG.warnf("%s: database unreachable, %s %s waits: %s",
                        consumer, event.type().type(), event.id(), e.toString()))
                .onFailure(io.wenzheng.kit.DatabaseOutage::isCause).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .onTermination().invoke((ignored, failure, cancelled) -> io.wenzheng.kit.trace.Spans.end(span, failure))
                .onFailure(EventConsumer::transientFailure).invoke(e -> LOG.warnf("%s: %s %s failed, will retry: %s",
                        consumer, event.type().type(), event.id(), e.toString()))
                .onFailure(EventConsumer::transientFailure).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(10)
                .onItemOrFailure().transformToUni((outcome, failure) -> {
                    if (failure != null) {
                        return deadLetter(message, consumer, failure);
                    }
                    count(consumer, outcome);
                    if (outcome == Outcome.PROCESSED) {
                        delay(consumer, event);
                    }
                    return Uni.createFrom().completionStage(message::ack);
                });
    }

    /** Claims the event for this consumer first, in one statement: a redelivery finds the claim and does nothing. */
    private Uni<Outcome> processOnce(String consumer, ConsumedEvent event, Function<ConsumedEvent, Uni<Void>> handler) {
        return claim(consumer, event.id(), event.type().type())
                .chain(claimed -> !claimed ? Uni.createFrom().item(Outcome.DUPLICATE)
                        : handler.apply(event).replaceWith(Outcome.PROCESSED));
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
                .setParameter(5, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                .executeUpdate())
                .map(claimed -> claimed > 0);
    }

    /** Reads the CloudEvent; empty for event types this suite version does not know (types are additive). */
    static Optional<ConsumedEvent> parse(Message<String> message) {
        IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new MalformedEventException("not a CloudEvent: ce_* headers missing"));
        if (ce.getId() == null || ce.getId().isBlank()) {
            throw new MalformedEventException("CloudEvent without id");
        }
        Optional<EventType> type = EventType.ofType(ce.getType());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Object data = message.getPayload();
        if (!(data instanceof String json) || json.isBlank()) {
            throw new MalformedEventException("CloudEvent " + ce.getId() + " has no data");
        }
        var payload = EventJson.read(json, type.get());
        if (ce.getSubject().isPresent() && !ce.getSubject().get().equals(payload.petitionId())) {
            throw new MalformedEventException("subject " + ce.getSubject().get() + " does not match petitionId " + payload.petitionId());
        }
        Instant time = ce.getTimeStamp().map(t -> t.toInstant()).orElse(Instant.now());
        return Optional.of(new ConsumedEvent(ce.getId(), type.get(), String.valueOf(ce.getSource()), time, payload));
    }

    private static String traceparent(Message<String> message) {
        return message.getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
                .map(m -> m.getHeaders().lastHeader(TraceContext.HEADER))
                .map(h -> new String(h.value(), java.nio.charset.StandardCharsets.US_ASCII))
                .orElse(null);
    }

    private static boolean transientFailure(Throwable failure) {
        return !(failure instanceof MalformedEventException || failure instanceof IllegalArgumentException)
                && !io.wenzheng.kit.DatabaseOutage.isCause(failure);
    }

    private Uni<Void> deadLetter(Message<String> message, String consumer, Throwable reason) {
        LOG.warnf("%s: dead-lettering message: %s", consumer, reason.getMessage());
        count(consumer, Outcome.DEAD_LETTERED);
        return Uni.createFrom().completionStage(() -> message.nack(reason));
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
        registry.counter("wenzheng.consumer.events", "consumer", consumer, "outcome", outcome.name().toLowerCase()).increment();
    }
}
