package io.wenzheng.devstack.testing;

import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's hands on the real broker: publishes CloudEvents in binary mode exactly as the services do, and reads
 * topics from the beginning to find what the services wrote.
 */
public final class EventProbe implements AutoCloseable {
    /** Connection settings: bootstrap servers and, on a secured broker, the principal's. */
    private final Map<String, Object> connection;
    private final KafkaProducer<String, String> producer;

    public EventProbe(String bootstrap) {
        this(Map.of("bootstrap.servers", bootstrap));
    }

    /** A probe with its own client settings, e.g. {@code KafkaBroker.superUserClient()} on a secured broker. */
    public EventProbe(Map<String, Object> connection) {
        this.connection = Map.copyOf(connection);
        Properties p = new Properties();
        p.putAll(connection);
        p.put("acks", "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** A record as a consumer sees it, with its CloudEvents headers decoded. */
    public record Seen(String topic, String key, String value, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Publishes a well-formed CloudEvent; returns its id. */
    public String publish(PetitionEvent event, String source) {
        return publish(EventType.of(event).topic(), event, source, UUID.randomUUID().toString());
    }

    public String publish(String topic, PetitionEvent event, String source, String eventId) {
        send(record(topic, event, source, eventId));
        return eventId;
    }

    /** An event to publish with {@link #publishTogether}. */
    public record Outgoing(String topic, PetitionEvent event, String source, String eventId) {
    }

    /**
     * Publishes events so that each partition receives its share in one produce request: a consumer then reads them
     * in one poll, which is how batch handling is tested. The producer lingers until all are handed over.
     */
    public void publishTogether(List<Outgoing> events) {
        Properties p = new Properties();
        p.putAll(connection);
        p.put("acks", "all");
        p.put("linger.ms", "5000");
        p.put("batch.size", String.valueOf(1 << 20));
        try (KafkaProducer<String, String> lingering = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (Outgoing e : events) {
                sent.add(lingering.send(record(e.topic(), e.event(), e.source(), e.eventId())));
            }
            lingering.flush();
            for (var future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + events.size() + " events together", e);
        }
    }

    private static ProducerRecord<String, String> record(String topic, PetitionEvent event, String source, String eventId) {
        EventType type = EventType.of(event);
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(eventId));
        headers.add("ce_type", bytes(type.type()));
        headers.add("ce_source", bytes(source));
        headers.add("ce_subject", bytes(event.petitionId()));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(topic, null, event.petitionId(), EventJson.write(event), headers);
    }

    /** Publishes anything at all, for poison-message tests. */
    public void publishRaw(String topic, String key, String value, Map<String, String> headers) {
        RecordHeaders h = new RecordHeaders();
        headers.forEach((k, v) -> h.add(k, bytes(v)));
        send(new ProducerRecord<>(topic, null, key, value, h));
    }

    /** A random, valid petition id (ULID alphabet) for events a test invents. */
    public static String newPetitionId() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder("01M");
        while (id.length() < 26) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** A new petition id whose events land on the same partition as {@code key}'s. */
    public static String newPetitionIdOnPartitionOf(String key, int partitions) {
        String id = newPetitionId();
        while (partitionOf(id, partitions) != partitionOf(key, partitions)) {
            id = newPetitionId();
        }
        return id;
    }

    /** The partition Kafka's default partitioner picks for a key. */
    public static int partitionOf(String key, int partitions) {
        return org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Every record on a topic so far, read from the beginning to the end it had when called. A test asserting that
     * nothing was filed must not pass because the read stopped early: if the end is not reached within {@code patience}
     * (at least a minute), this fails.
     */
    public List<Seen> readAll(String topic, Duration patience) {
        try (var consumer = fromBeginning(topic)) {
            Set<TopicPartition> partitions = consumer.assignment();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Seen> out = new ArrayList<>();
            long until = System.nanoTime() + Math.max(patience.toNanos(), Duration.ofMinutes(1).toNanos());
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("read only " + out.size() + " records of " + topic + " before giving up; its end was " + end);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(seen(r));
                }
            }
            return out;
        }
    }

    /** A consumer of every partition of the topic, at its beginning; the caller closes it. */
    private KafkaConsumer<String, String> fromBeginning(String topic) {
        Properties p = new Properties();
        p.putAll(connection);
        p.put("enable.auto.commit", "false");
        var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /**
     * Waits until a record on the topic matches: reads it from the beginning once, then what arrives, with one consumer
     * for the whole wait. Reading the whole topic again on every attempt, each within a few seconds, never reached the
     * newest records once a test JVM's topic held tens of thousands of them on a busy machine.
     */
    public Optional<Seen> await(String topic, Predicate<Seen> match, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        try (var consumer = fromBeginning(topic)) {
            do {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Seen seen = seen(r);
                    if (match.test(seen)) {
                        return Optional.of(seen);
                    }
                }
            } while (System.nanoTime() < until);
            return Optional.empty();
        }
    }

    private static Seen seen(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new Seen(r.topic(), r.key(), r.value(), headers);
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
