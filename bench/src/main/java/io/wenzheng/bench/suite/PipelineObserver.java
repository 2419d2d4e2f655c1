package io.wenzheng.bench.suite;

import io.wenzheng.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A subscriber like a department's system: it reads the lifecycle and SLA topics from the moment it starts and keeps,
 * per petition, when each stage's event was produced (its CloudEvents time) and when this subscriber saw it.
 */
final class PipelineObserver implements AutoCloseable {
    static final String RECEIVED = "wenzheng.petition.received.v1";
    static final String ROUTED = "wenzheng.petition.routed.v1";
    static final String TRIAGE = "wenzheng.petition.triage-required.v1";
    static final String DEADLINE = "wenzheng.sla.deadline-set.v1";

    /** When a stage's event was produced, and when this observer read it (epoch microseconds). */
    record Seen(long producedMicros, long observedMicros) {
    }

    /** The stages of one petition; a field stays null until its event arrives. */
    static final class Stages {
        volatile Seen received;
        volatile Seen routed;
        volatile Seen deadline;
    }

    private static final java.util.regex.Pattern TRACKING = java.util.regex.Pattern.compile("\"trackingCode\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<String, Stages> petitions = new ConcurrentHashMap<>();
    private final Map<String, String> byTrackingCode = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long records;
    private volatile long valueBytes;
    private volatile long recordBytes;

    PipelineObserver(Map<String, Object> clientConfig) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.LIFECYCLE, Topics.SLA)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now: only what comes after this moment counts
        thread = new Thread(this::poll, "pipeline-observer");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                long observed = micros(Instant.now());
                records++;
                valueBytes += r.value() == null ? 0 : r.value().length;
                recordBytes += r.serializedValueSize() + Math.max(0, r.serializedKeySize());
                for (Header h : r.headers()) {
                    recordBytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
                }
                String type = header(r, "ce_type");
                String subject = header(r, "ce_subject");
                String time = header(r, "ce_time");
                if (type == null || subject == null || time == null) {
                    continue;
                }
                Seen seen = new Seen(micros(OffsetDateTime.parse(time).toInstant()), observed);
                Stages stages = petitions.computeIfAbsent(subject, id -> new Stages());
                switch (type) {
                    case RECEIVED -> {
                        stages.received = seen;
                        var m = TRACKING.matcher(new String(r.value(), StandardCharsets.UTF_8));
                        if (m.find()) {
                            byTrackingCode.put(m.group(1), subject);
                        }
                    }
                    case ROUTED, TRIAGE -> {
                        if (stages.routed == null) {
                            stages.routed = seen;
                        }
                    }
                    case DEADLINE -> {
                        if (stages.deadline == null && new String(r.value(), StandardCharsets.UTF_8).contains("\"FIRST_RESPONSE\"")) {
                            stages.deadline = seen;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    Map<String, Stages> petitions() {
        return petitions;
    }

    /** The petition a tracking code belongs to, once its received event went by (webhook answers carry only the code). */
    String petitionOf(String trackingCode) {
        return byTrackingCode.get(trackingCode);
    }

    /** Mean size of what the suite puts on its topics, value plus key and headers: the ceiling's message size. */
    int meanRecordBytes() {
        return records == 0 ? 1024 : (int) (recordBytes / records);
    }

    long records() {
        return records;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
