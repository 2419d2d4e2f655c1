package io.wenzheng.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.postgres.ServiceDatabase;
import io.wenzheng.devstack.process.Ports;
import io.wenzheng.devstack.suite.ServiceName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DevStackTest {

    @Test
    void startsRealKafkaAndPostgresAndLeavesNothingBehind() throws Exception {
        Path workDir = Path.of("target", "dev-stack-test").toAbsolutePath();
        long kafkaPid;
        long postmasterPid;
        try (DevStack stack = DevStack.start(DevStack.Settings.forTests(workDir))) {
            Map<String, Long> alive = stack.children().alive();
            assertThat(alive).containsKeys("kafka", "postgres");
            kafkaPid = alive.get("kafka");
            postmasterPid = alive.get("postgres");

            try (var admin = stack.kafka().admin()) {
                var topics = admin.describeTopics(Topics.coreWithDeadLetters()).allTopicNames().get(30, TimeUnit.SECONDS);
                assertThat(topics).containsKeys("petition.lifecycle", "petition.sla", "petition.insight", "unit.commands.dlq",
                        "petition.lifecycle.dlq");
                assertThat(topics).as("commands come on one topic per unit, made with the unit").doesNotContainKey("unit.commands");
                assertThat(topics.get("petition.lifecycle").partitions()).hasSize(6);
            }
            assertRoundTripThroughBroker(stack.kafka().bootstrapServers());

            ServiceDatabase intake = ServiceDatabase.forService("intake");
            String url = stack.postgres().jdbcUrl(intake.name());
            try (Connection c = DriverManager.getConnection(url, intake.user(), intake.password());
                 ResultSet rs = c.createStatement().executeQuery("select current_user, version()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("intake");
                assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url, intake.user(), "wrong").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(stack.postgres().jdbcUrl("routing"), intake.user(), intake.password()).close())
                    .as("a service role cannot reach another service's database without rights").isInstanceOf(SQLException.class);

            assertThat(stack.configFor(ServiceName.SLA)).containsEntry("quarkus.datasource.username", "sla")
                    .containsEntry("kafka.bootstrap.servers", stack.kafka().bootstrapServers());
        }
        assertThat(ProcessHandle.of(kafkaPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(Files.list(workDir.resolve("pids")).toList()).isEmpty();
    }

    @Test
    void aLaterStartStopsWhatACrashedRunLeftBehind() throws Exception {
        Path workDir = Path.of("target", "dev-stack-reap").toAbsolutePath();
        Files.createDirectories(workDir);
        // A stand-in for an orphaned child: its command line names the work directory, as the broker's does.
        Process orphan = new ProcessBuilder("sh", "-c", "sleep 300; echo " + workDir).start();
        new io.wenzheng.devstack.process.ChildProcesses(workDir).record("kafka", orphan.pid(), workDir.toString());
        // An unrelated process with a recycled pid must survive: its command line lacks the marker.
        Process stranger = new ProcessBuilder("sleep", "300").start();
        new io.wenzheng.devstack.process.ChildProcesses(workDir).record("postgres", stranger.pid(), workDir.toString());

        int reaped = new io.wenzheng.devstack.process.ChildProcesses(workDir).reapLeftovers();

        assertThat(reaped).isEqualTo(1);
        assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stranger.isAlive()).isTrue();
        stranger.destroy();
    }

    @Test
    void freePortsAreFree() {
        int port = Ports.free();
        assertThat(Ports.listening(port)).isFalse();
    }

    private static void assertRoundTripThroughBroker(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.INSIGHT, "k", "hello")).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("group.id", "dev-stack-test");
        c.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.INSIGHT));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    assertThat(records.iterator().next().value()).isEqualTo("hello");
                    return;
                }
            }
        }
        throw new AssertionError("message did not come back from the broker");
    }
}
