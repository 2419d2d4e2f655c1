package io.wenzheng.bench.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the broker alone can do on this machine: records of the suite's own mean size, through a topic with the
 * suite's partition count, produced with the suite's producer guarantees (acks=all, idempotent) and read back.
 */
final class KafkaCeiling {
    record Result(int recordBytes, long records, double producedPerSecond, double consumedPerSecond) {
        double perSecond() {
            return Math.min(producedPerSecond, consumedPerSecond);
        }
    }

    private KafkaCeiling() {
    }

    /**
     * The controller has the new topic before the broker serves it. A producer that sends in between is told
     * NOT_LEADER_OR_FOLLOWER and, being idempotent, can then retry out of sequence without end: a bench on 7 December
     * 2026 spent minutes on OutOfOrderSequenceException after its burst and never measured the ceiling.
     */
    static void awaitLeaders(Admin admin, String topic, int partitions) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                var served = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
                if (served.partitions().size() == partitions
                        && served.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // not served yet: UnknownTopicOrPartitionException until the broker has the topic
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException(topic + " has no leader for each of its " + partitions + " partitions after 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Writes one record to each partition with a plain producer, which simply retries until the broker leads it. A
     * partition can have its leader in the metadata a moment before the broker serves it (NOT_LEADER_OR_FOLLOWER), and
     * an idempotent producer that sends in that moment can retry out of sequence without end (a bench on 7 December
     * 2026, after awaitLeaders had passed). The measuring producer starts once every partition has taken a record.
     */
    static void warm(Map<String, Object> client, String topic, int partitions) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(topic, p, new byte[0], new byte[16])).get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(topic + " does not take a record on each of its " + partitions + " partitions", e);
        }
    }

    static Result measure(Map<String, Object> client, Admin admin, int partitions, int recordBytes, long records, Consumer<String> say) {
        String topic = "bench.ceiling." + System.currentTimeMillis();
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
        awaitLeaders(admin, topic, partitions);
        warm(client, topic, partitions);
        byte[] value = new byte[Math.max(16, recordBytes - 26)];
        new Random(1).nextBytes(value);
        Map<String, Object> producerConfig = new HashMap<>(client);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        long begin = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig)) {
            for (long i = 0; i < records; i++) {
                // 26 bytes of key: a petition id's length, so records spread over the partitions the same way
                byte[] key = String.format("%026d", i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                producer.send(new ProducerRecord<>(topic, key, value));
                if (i % 100_000 == 0 && i > 0) {
                    say.accept(String.format("ceiling | produced %,d of %,d", i, records));
                }
            }
            producer.flush();
        }
        double produced = records / ((System.nanoTime() - begin) / 1e9);
        Map<String, Object> consumerConfig = new HashMap<>(client);
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long read = 0;
        begin = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(topic, p));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (read < records + partitions && System.nanoTime() < until) { // and one warming record per partition
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double consumed = (read - partitions) / ((System.nanoTime() - begin) / 1e9);
        try {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            say.accept("ceiling | could not delete " + topic + ": " + e.getMessage());
        }
        return new Result(recordBytes, records, produced, consumed);
    }
}
