package io.wenzheng.devstack.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The dead-letter topics ({@code <topic>.dlq}) as an operator sees them: what is there and why, one entry in full,
 * and a replay that puts entries back on the topic they came from with their original headers. Replaying is safe to
 * repeat: every consumer's inbox drops an event id it has already processed.
 */
public final class DeadLetters implements AutoCloseable {
    public static final String REPLAYED_FROM = "wenzheng-replayed-from";
    private static final String DLQ_HEADER_PREFIX = "dead-letter-";

    private final Map<String, Object> connection;

    /** One dead letter: where it sits, where it came from, why it is here. */
    public record Entry(String dlqTopic, int partition, long offset, String key, String type, String reason,
                        String originalTopic, Map<String, String> headers, String value) {
        public String position() {
            return partition + ":" + offset;
        }
    }

    /** @param connection bootstrap servers and, on a secured broker, the super user's settings */
    public DeadLetters(Map<String, Object> connection) {
        this.connection = Map.copyOf(connection);
    }

    public Set<String> topics() {
        try (Admin admin = Admin.create(connection)) {
            Set<String> dlqs = new TreeSet<>();
            admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(t -> t.endsWith(".dlq")).forEach(dlqs::add);
            return dlqs;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
    }

    /** Every entry of a dead-letter topic, oldest first per partition. */
    public List<Entry> list(String dlqTopic) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put("enable.auto.commit", "false");
        List<Entry> entries = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlqTopic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(dlqTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    entries.add(entry(r));
                }
            }
        }
        return entries;
    }

    /** Puts the chosen entries back on their original topics; returns how many were replayed. */
    public int replay(String dlqTopic, Predicate<Entry> which) {
        List<Entry> chosen = list(dlqTopic).stream().filter(which).toList();
        Map<String, Object> config = new HashMap<>(connection);
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Entry e : chosen) {
                if (e.originalTopic() == null) {
                    throw new IllegalStateException(e.position() + " names no original topic (no dead-letter-topic header)");
                }
                RecordHeaders headers = new RecordHeaders();
                e.headers().forEach((k, v) -> {
                    if (!k.startsWith(DLQ_HEADER_PREFIX)) {
                        headers.add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8));
                    }
                });
                headers.add(REPLAYED_FROM, (dlqTopic + "@" + e.position()).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(e.originalTopic(), null, bytes(e.key()), bytes(e.value()), headers))
                        .get(30, TimeUnit.SECONDS);
            }
        } catch (Exception ex) {
            throw new IllegalStateException("replay from " + dlqTopic + " failed: " + ex.getMessage(), ex);
        }
        return chosen.size();
    }

    private static Entry entry(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        String original = headers.getOrDefault("dead-letter-topic", r.topic().endsWith(".dlq") ? r.topic().substring(0, r.topic().length() - 4) : null);
        return new Entry(r.topic(), r.partition(), r.offset(), string(r.key()), headers.get("ce_type"),
                headers.getOrDefault("dead-letter-reason", "(no reason recorded)"), original, headers, string(r.value()));
    }

    private static String string(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // clients are opened per call
    }
}
