package io.wenzheng.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.wenzheng.kit.trace.TraceContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.wenzheng.kit.CommitListener;
import io.wenzheng.kit.KitConfig;
import io.wenzheng.kit.PollingLoop;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka and marks them sent. Rows are locked with {@code FOR UPDATE SKIP LOCKED}, so
 * several instances share the work and no row goes out twice at the same time. A crash between send and commit
 * re-sends the row; consumers drop the duplicate by its event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final KitConfig config;
    private final Counter relayed;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private PollingLoop<Integer> loop;
    private Optional<CommitListener> listener = Optional.empty();

    @Inject
    io.wenzheng.kit.trace.Spans spans;
    @Inject
    public OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048) MutinyEmitter<String> emitter, KitConfig config, MeterRegistry registry) {
        this.emitter = emitter;
        this.config = config;
        this.relayed = registry.counter("wenzheng.outbox.relayed");
        this.failures = registry.counter("wenzheng.outbox.failures");
        registry.gauge("wenzheng.outbox.pending", pending);
        registry.gauge("wenzheng.outbox.oldest.age.seconds", oldestAgeSeconds);
    }

    /**
     * Each commit that adds outbox rows notifies {@code wenzheng_outbox} (a trigger, db/kit V0_5), and the relay goes
     * at once instead of at its next poll: two relay hops stand between a petition's acceptance and its routing.
     * While it listens, the relay polls only every {@code wenzheng.outbox.listening-interval}, so an idle service
     * does not query its database ten times a second; without the listener (its connection lost, say) it polls every
     * {@code wenzheng.outbox.interval}.
     */
    void start(@Observes StartupEvent started, Vertx vertx) {
        loop = new PollingLoop<>(vertx, "outbox relay",
                () -> relayBatch().onFailure().invoke(e -> failures.increment()),
                sent -> sent >= config.outbox().batchSize() ? Duration.ZERO
                        : listener.map(CommitListener::listening).orElse(false) ? config.outbox().listeningInterval()
                        : config.outbox().interval(),
                Duration.ofSeconds(1));
        listener = CommitListener.start(vertx, "wenzheng_outbox", loop, config.outbox().wakeGap());
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop();
        }
        listener.ifPresent(CommitListener::close);
    }

    /** Publishes one batch; returns how many rows went out. */
    public Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select * from outbox_event where sent_at is null and parked_at is null order by seq limit :n for update skip locked",
                        OutboxEvent.class)
                .setParameter("n", config.outbox().batchSize())
                .getResultList()
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : publish(rows))));
    }

    private Uni<Integer> publish(List<OutboxEvent> rows) {
        // Acks arrive on the producer's thread; the session may only be touched on its own Vert.x context.
        Context context = Vertx.currentContext();
        // All sends start before any ack is awaited; the idempotent producer keeps per-partition order. Each row
        // reports its own outcome, so one undeliverable row (a topic that does not exist) cannot hold back the rest.
        List<Uni<Optional<Throwable>>> outcomes = rows.stream()
                .map(row -> send(row)
                        .ifNoItem().after(config.outbox().sendTimeout()).fail()
                        .onItem().transform(ignored -> Optional.<Throwable>empty())
                        .onFailure().recoverWithItem(Optional::of))
                .toList();
        return Uni.join().all(outcomes).andFailFast()
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(results -> settle(rows, results));
    }

    /**
     * The rows the broker took are marked in one statement; the few that failed are changed one by one, as entities.
     */
    private Uni<Integer> settle(List<OutboxEvent> rows, List<Optional<Throwable>> outcomes) {
        List<Long> delivered = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (outcomes.get(i).isEmpty()) {
                delivered.add(rows.get(i).seq);
            }
        }
        int sent = delivered.size();
        // Only when the broker took other rows in this round is a failure the row's own fault. When nothing went
        // through, the broker is away: that must never park anything, however long the outage.
        boolean brokerUp = sent > 0;
        for (int i = 0; i < rows.size(); i++) {
            Optional<Throwable> failure = outcomes.get(i);
            if (failure.isPresent()) {
                OutboxEvent row = rows.get(i);
                row.lastError = String.valueOf(failure.get());
                if (brokerUp) {
                    row.attempts++;
                    recordFailure(row);
                } else {
                    failures.increment();
                }
            }
        }
        relayed.increment(sent);
        if (delivered.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "update outbox_event set sent_at = ?1, attempts = attempts + 1 where seq = any(cast(?2 as bigint[]))")
                        .setParameter(1, io.wenzheng.kit.sql.Timestamptz.now())
                        .setParameter(2, delivered.toArray(Long[]::new))
                        .executeUpdate())
                .replaceWith(sent);
    }

    private void recordFailure(OutboxEvent row) {
        failures.increment();
        if (row.attempts >= config.outbox().maxAttempts()) {
            // Parked: kept for an operator, no longer retried. Its sent_at stays null and parked_at says why.
            row.parkedAt = Instant.now();
            LOG.errorf("outbox row %d (%s to %s) parked after %d attempts: %s", row.seq, row.eventType, row.topic,
                    row.attempts, row.lastError);
        } else {
            LOG.warnf("outbox row %d (%s to %s) not delivered, attempt %d: %s", row.seq, row.eventType, row.topic,
                    row.attempts, row.lastError);
        }
    }

    /** Feeds the outbox gauges (pending rows, age of the oldest): growing values mean the broker is not taking events. */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measurePending() {
        return Panache.withSession(() -> OutboxEvent.count("sentAt is null and parkedAt is null")
                        .invoke(pending::set)
                        .chain(() -> Panache.getSession().chain(s -> s.createQuery(
                                "select min(e.occurredAt) from OutboxEvent e where e.sentAt is null and e.parkedAt is null",
                                java.time.Instant.class).getSingleResultOrNull())))
                .invoke(oldest -> oldestAgeSeconds.set(oldest == null ? 0
                        : Math.max(0, java.time.Duration.between(oldest, java.time.Instant.now()).toSeconds())))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private Uni<Void> send(OutboxEvent row) {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        var span = spans.publishing(row.eventType, row.topic, row.subject, row.traceparent);
        if (span.getSpanContext().isValid()) {
            headers.add(TraceContext.HEADER, TraceContext.of(span.getSpanContext()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } else if (row.traceparent != null) {
            headers.add(TraceContext.HEADER, row.traceparent.getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // tracing off
        }
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.messageKey)
                .withTopic(row.topic)
                .withHeaders(headers)
                .build();
        var cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(row.eventId)
                .withType(row.eventType)
                .withSource(URI.create(config.service()))
                .withSubject(row.subject)
                .withTimestamp(row.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        return emitter.sendMessage(Message.of(row.payload).addMetadata(kafka).addMetadata(cloudEvent))
                .onTermination().invoke((ignored, failure, cancelled) -> io.wenzheng.kit.trace.Spans.end(span, failure));
    }
}
