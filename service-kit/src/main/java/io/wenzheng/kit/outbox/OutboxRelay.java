package io.wenzheng.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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
    Pool pool;
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
        // The pool, not Hibernate: the relay is the suite's most frequent transaction and needs no entity.
        return pool.withTransaction(connection -> connection.preparedQuery(PENDING)
                .execute(Tuple.of(config.outbox().batchSize()))
                .map(rows -> {
                    List<Pending> pending = new java.util.ArrayList<>(rows.size());
                    rows.forEach(row -> pending.add(Pending.of(row)));
                    return pending;
                })
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : publish(connection, rows)));
    }

    private static final String PENDING = "select seq, event_id, event_type, topic, message_key, subject, payload, occurred_at, "
            + "traceparent, attempts from outbox_event where sent_at is null and parked_at is null order by seq limit $1 "
            + "for update skip locked";
    private static final String SENT = "update outbox_event set sent_at = $1, attempts = attempts + 1 where seq = any($2)";
    private static final String FAILED = "update outbox_event set attempts = $2, last_error = $3, parked_at = $4 where seq = $1";

    /** An outbox row on its way out: what the relay reads of it. */
    record Pending(long seq, String eventId, String eventType, String topic, String messageKey, String subject, String payload,
                   Instant occurredAt, String traceparent, int attempts) {
        static Pending of(Row row) {
            return new Pending(row.getLong("seq"), row.getString("event_id"), row.getString("event_type"), row.getString("topic"),
                    row.getString("message_key"), row.getString("subject"), row.getString("payload"),
                    row.getOffsetDateTime("occurred_at").toInstant(), row.getString("traceparent"), row.getInteger("attempts"));
        }
    }

    private Uni<Integer> publish(SqlConnection connection, List<Pending> rows) {
        // Acks arrive on the producer's thread; the connection may only be used on its own Vert.x context.
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
                .chain(results -> settle(connection, rows, results));
    }

    /** The rows the broker took are marked in one statement, the few that failed in another. */
    private Uni<Integer> settle(SqlConnection connection, List<Pending> rows, List<Optional<Throwable>> outcomes) {
        List<Long> delivered = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (outcomes.get(i).isEmpty()) {
                delivered.add(rows.get(i).seq());
            }
        }
        int sent = delivered.size();
        // Only when the broker took other rows in this round is a failure the row's own fault. When nothing went
        // through, the broker is away: that must never park anything, however long the outage.
        boolean brokerUp = sent > 0;
        List<Tuple> failed = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Optional<Throwable> failure = outcomes.get(i);
            if (failure.isPresent()) {
                Pending row = rows.get(i);
                String error = String.valueOf(failure.get());
                if (brokerUp) {
                    failed.add(recordFailure(row, error));
                } else {
                    failures.increment();
                    failed.add(Tuple.of(row.seq(), row.attempts(), error, null));
                }
            }
        }
        relayed.increment(sent);
        Uni<Void> marked = delivered.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(SENT).execute(Tuple.of(io.wenzheng.kit.sql.Timestamptz.now(), delivered.toArray(Long[]::new)))
                        .replaceWithVoid();
        return marked.chain(() -> failed.isEmpty() ? Uni.createFrom().voidItem()
                        : connection.preparedQuery(FAILED).executeBatch(failed).replaceWithVoid())
                .replaceWith(sent);
    }

    /** The row's new attempts, error and, once it has had its attempts, the time it was parked. */
    private Tuple recordFailure(Pending row, String error) {
        failures.increment();
        int attempts = row.attempts() + 1;
        if (attempts >= config.outbox().maxAttempts()) {
            // Parked: kept for an operator, no longer retried. Its sent_at stays null and parked_at says why.
            LOG.errorf("outbox row %d (%s to %s) parked after %d attempts: %s", row.seq(), row.eventType(), row.topic(), attempts, error);
            return Tuple.of(row.seq(), attempts, error, io.wenzheng.kit.sql.Timestamptz.now());
        }
        LOG.warnf("outbox row %d (%s to %s) not delivered, attempt %d: %s", row.seq(), row.eventType(), row.topic(), attempts, error);
        return Tuple.of(row.seq(), attempts, error, null);
    }

    /** Feeds the outbox gauges (pending rows, age of the oldest): growing values mean the broker is not taking events. */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measurePending() {
        // One select on the pool: the gauges need no session, and an idle service runs this every five seconds.
        return pool.preparedQuery("select count(*), min(occurred_at) from outbox_event where sent_at is null and parked_at is null")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    pending.set(row.getLong(0));
                    java.time.OffsetDateTime oldest = row.getOffsetDateTime(1);
                    oldestAgeSeconds.set(oldest == null ? 0
                            : Math.max(0, java.time.Duration.between(oldest.toInstant(), java.time.Instant.now()).toSeconds()));
                })
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private Uni<Void> send(Pending row) {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        var span = spans.publishing(row.eventType(), row.topic(), row.subject(), row.traceparent());
        if (span.getSpanContext().isValid()) {
            headers.add(TraceContext.HEADER, TraceContext.of(span.getSpanContext()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } else if (row.traceparent() != null) {
            headers.add(TraceContext.HEADER, row.traceparent().getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // tracing off
        }
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.messageKey())
                .withTopic(row.topic())
                .withHeaders(headers)
                .build();
        var cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(row.eventId())
                .withType(row.eventType())
                .withSource(URI.create(config.service()))
                .withSubject(row.subject())
                .withTimestamp(row.occurredAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(kafka).addMetadata(cloudEvent))
                .onTermination().invoke((ignored, failure, cancelled) -> io.wenzheng.kit.trace.Spans.end(span, failure));
    }
}
