package io.wenzheng.analytics.rebuild;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.wenzheng.analytics.hotspot.HotspotWatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds analytics' read models from the topics: pause the consumers, empty the read models and their inbox in one
 * transaction, rewind the consumers to the start of their partitions, resume. The inbox makes every event count once
 * again; reports already published are kept. Progress is the consumers' position against the end offsets seen at the
 * start. Each instance rewinds the partitions it holds, so run it with one instance, or on each.
 */
@ApplicationScoped
public class ReadModelRebuild {
    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    static final List<String> CHANNELS = List.of("petition-events-in");
    private static final List<String> EMPTY = List.of(
            "truncate petition_fact, daily_measure, hotspot, hotspot_document, unit_label",
            "delete from inbox_event where consumer = 'analytics-facts'");

    private final KafkaClientService kafka;
    private final HotspotWatch hotspots;
    private volatile Progress progress = new Progress("IDLE", null, 0, 0, 0);
    private final Map<TopicPartition, long[]> targets = new HashMap<>();
    private long lastInboxCount = -1;

    /** state IDLE, REPLAYING or DONE; events counted from the start of each partition to its end when the rebuild began. */
    public record Progress(String state, Instant startedAt, long replayed, long total, double percent) {
    }

    @Inject
    public ReadModelRebuild(KafkaClientService kafka, HotspotWatch hotspots) {
        this.kafka = kafka;
        this.hotspots = hotspots;
    }

    public Progress progress() {
        return progress;
    }

    public synchronized Uni<Progress> start() {
        if ("REPLAYING".equals(progress.state())) {
            return Uni.createFrom().item(progress);
        }
        List<KafkaConsumer<Object, Object>> consumers = consumers();
        synchronized (targets) {
            targets.clear(); // partitions held in an earlier rebuild may have moved to another instance since
        }
        // Pausing and rewinding run on the consumers' polling threads; the database work must come back to Vert.x.
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Uni<Void> paused = Uni.join().all(consumers.stream().map(c -> c.pause().replaceWithVoid()).toList()).andFailFast().replaceWithVoid();
        return paused
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(EMPTY.get(0)).executeUpdate()
                        .chain(() -> s.createNativeQuery(EMPTY.get(1)).executeUpdate()))))
                .invoke(hotspots::forget)
                .chain(() -> Uni.join().all(consumers.stream().map(this::rewind).toList()).andFailFast())
                .chain(() -> Uni.join().all(consumers.stream().map(c -> c.resume()).toList()).andFailFast())
                .map(ignored -> {
                    long total = targets.values().stream().mapToLong(t -> t[1] - t[0]).sum();
                    lastInboxCount = -1;
                    progress = new Progress("REPLAYING", Instant.now(), 0, total, total == 0 ? 100 : 0);
                    LOG.infof("read-model rebuild started: %,d events on %d partitions to replay", total, targets.size());
                    return progress;
                });
    }

    private Uni<Void> rewind(KafkaConsumer<Object, Object> consumer) {
        return consumer.runOnPollingThread(c -> {
            var assignment = c.assignment();
            Map<TopicPartition, Long> beginning = c.beginningOffsets(assignment);
            Map<TopicPartition, Long> end = c.endOffsets(assignment);
            synchronized (targets) {
                assignment.forEach(tp -> targets.put(tp, new long[] {beginning.get(tp), end.get(tp)}));
            }
            c.seekToBeginning(assignment);
            return null;
        }).replaceWithVoid();
    }

    @Scheduled(every = "2s", identity = "read-model-rebuild-progress")
    Uni<Void> track() {
        if (!"REPLAYING".equals(progress.state())) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Map<TopicPartition, Long>>> positions = new ArrayList<>();
        consumers().forEach(c -> positions.add(c.getPositions()));
        Uni<Long> counted = Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from inbox_event where consumer = 'analytics-facts'", Long.class).getSingleResult()));
        return counted.chain(inbox -> Uni.join().all(positions).andFailFast().invoke(maps -> {
            long replayed = 0;
            synchronized (targets) {
                for (Map<TopicPartition, Long> map : maps) {
                    for (Map.Entry<TopicPartition, Long> e : map.entrySet()) {
                        long[] t = targets.get(e.getKey());
                        if (t != null) {
                            replayed += Math.min(t[1], Math.max(t[0], e.getValue())) - t[0];
                        }
                    }
                }
            }
            Progress p = progress;
            double percent = p.total() == 0 ? 100 : Math.round(1000.0 * replayed / p.total()) / 10.0;
            // Positions are what was fetched; done is when all was fetched and the inbox has stopped growing.
            boolean settled = replayed >= p.total() && inbox == lastInboxCount;
            lastInboxCount = inbox;
            progress = new Progress(settled ? "DONE" : "REPLAYING", p.startedAt(), replayed, p.total(), percent);
            if ("DONE".equals(progress.state())) {
                hotspots.announceAgain();
            }
            LOG.infof("read-model rebuild: %,d / %,d events fetched (%.1f%%), %,d processed", replayed, p.total(), percent, inbox);
        })).replaceWithVoid();
    }

    /** Every consumer of the projector's channels, including the copies {@code concurrency} makes ("petition-events-in$2"). */
    private List<KafkaConsumer<Object, Object>> consumers() {
        List<KafkaConsumer<Object, Object>> all = new ArrayList<>();
        for (String channel : kafka.getConsumerChannels()) {
            if (CHANNELS.stream().anyMatch(c -> channel.equals(c) || channel.startsWith(c + "$"))) {
                all.addAll(kafka.getConsumers(channel));
            }
        }
        return all;
    }
}
