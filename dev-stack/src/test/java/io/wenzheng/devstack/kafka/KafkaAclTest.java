package io.wenzheng.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.process.ChildProcesses;
import io.wenzheng.devstack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The principals and ACLs of deploy/k8s/base/kafka/users.yaml, enforced by a real broker with SASL/SCRAM and the
 * standard authorizer: a unit's system reads only its own feed and writes only its own command topic, and each service
 * writes only the topics it owns.
 */
class KafkaAclTest {
    private static final Path USERS = Path.of("..", "deploy", "k8s", "base", "kafka", "users.yaml");
    private static KafkaBroker broker;
    private static Map<String, KafkaPrincipal> principals;

    @BeforeAll
    static void startSecuredBroker() {
        Path work = Path.of("target", "kafka-acl").toAbsolutePath();
        broker = new KafkaBroker(work, Ports.free(), new ChildProcesses(work)).secured("super-secret").start(3);
        List<String> topics = new ArrayList<>(Topics.coreWithDeadLetters());
        topics.addAll(List.of(Topics.unitFeed("A3"), Topics.unitFeed("A-ENV"), Topics.unitCommands("A3"), Topics.unitCommands("A-ENV")));
        broker.createTopics(topics, 3);
        principals = new HashMap<>();
        KafkaPrincipal.fromStrimziUsers(USERS).forEach(p -> principals.put(p.name(), p));
        broker.grant(principals.values());
        try (KafkaProducer<String, String> admin = producer(broker.superUserClient())) {
            send(admin, Topics.unitFeed("A3"), "for A3");
            send(admin, Topics.unitFeed("A-ENV"), "for A-ENV");
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theDeployFileDefinesAPrincipalPerServiceAndPerUnitSystem() {
        assertThat(principals).containsKeys("intake", "routing", "sla", "analytics", "unit-a3", "unit-a-env");
    }

    @Test
    void aUnitPrincipalReadsItsOwnFeedButNotAnotherUnits() {
        try (KafkaConsumer<String, String> own = consumer("unit-a3", "unit-a3.inbox", Topics.unitFeed("A3"))) {
            assertThat(pollUntilSome(own)).extracting(ConsumerRecord::value).contains("for A3").doesNotContain("for A-ENV");
        }
        try (KafkaConsumer<String, String> other = consumer("unit-a3", "unit-a3.inbox-2", Topics.unitFeed("A-ENV"))) {
            assertThatThrownBy(() -> pollUntilSome(other)).isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining(Topics.unitFeed("A-ENV"));
        }
        try (KafkaConsumer<String, String> borrowedGroup = consumer("unit-a3", "unit-a-env.inbox", Topics.unitFeed("A3"))) {
            assertThatThrownBy(() -> pollUntilSome(borrowedGroup)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aUnitPrincipalWritesOnlyItsOwnCommandTopic() throws Exception {
        try (KafkaProducer<String, String> unit = producer("unit-a3")) {
            send(unit, Topics.unitCommands("A3"), "{\"sign\":\"x\"}");
            assertRefused(unit, Topics.unitCommands("A-ENV"));
            assertRefused(unit, Topics.UNIT_COMMANDS_DLQ);
            assertRefused(unit, Topics.LIFECYCLE);
            assertRefused(unit, Topics.unitFeed("A-ENV"));
        }
    }

    @Test
    void eachServiceWritesOnlyTheTopicsItOwns() throws Exception {
        Map<String, String> owns = Map.of("intake", Topics.LIFECYCLE, "sla", Topics.SLA, "analytics", Topics.INSIGHT);
        Map<String, String> foreign = Map.of("intake", Topics.SLA, "sla", Topics.INSIGHT, "analytics", Topics.LIFECYCLE);
        for (String service : owns.keySet()) {
            try (KafkaProducer<String, String> producer = producer(service)) {
                send(producer, owns.get(service), service + " writes its own topic");
                assertRefused(producer, foreign.get(service));
            }
        }
        try (KafkaProducer<String, String> producer = producer("intake")) {
            send(producer, Topics.unitFeed("A3"), "intake writes unit feeds");
            send(producer, Topics.UNIT_COMMANDS_DLQ, "and the dead letters of the commands it reads");
        }
        for (String service : List.of("routing", "sla")) {
            try (KafkaProducer<String, String> producer = producer(service)) {
                assertRefused(producer, Topics.unitFeed("A3"));
                assertRefused(producer, Topics.unitCommands("A3"));
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = new HashMap<>(broker.clientSecurity("unit-a3", "guess"));
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("max.block.ms", 5000);
        try (KafkaProducer<String, String> p = producer(config)) {
            assertThatThrownBy(() -> p.send(new ProducerRecord<>(Topics.unitCommands("A3"), "k", "v")).get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static void assertRefused(KafkaProducer<String, String> producer, String topic) {
        assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "v")).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    private static List<ConsumerRecord<String, String>> pollUntilSome(KafkaConsumer<String, String> consumer) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        while (seen.isEmpty() && System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        }
        return seen;
    }

    private static KafkaConsumer<String, String> consumer(String principal, String group, String topic) {
        Map<String, Object> config = new HashMap<>(broker.clientSecurity(principal, principals.get(principal).devPassword()));
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("group.id", group);
        config.put("auto.offset.reset", "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static KafkaProducer<String, String> producer(String principal) {
        Map<String, Object> config = new HashMap<>(broker.clientSecurity(principal, principals.get(principal).devPassword()));
        config.put("bootstrap.servers", broker.bootstrapServers());
        return producer(config);
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> config) {
        Map<String, Object> all = new HashMap<>(config);
        all.putIfAbsent("max.block.ms", 10_000);
        all.put("acks", "all");
        return new KafkaProducer<>(all, new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, "k", value)).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("send to " + topic + " failed", e);
        }
    }
}
