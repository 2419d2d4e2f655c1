package io.wenzheng.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.DevStack;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Dead letters as SmallRye writes them: listed with their reason, shown in full, replayed with their own headers. */
class DeadLettersTest {

    @Test
    void aDeadLetterIsListedWithItsReasonAndReplayedOntoItsTopicWithoutTheDeadLetterHeaders() {
        DevStack stack = DevStack.shared();
        String key = "01DLQ" + UUID.randomUUID().toString().replace("-", "").substring(0, 21).toUpperCase();
        String value = "{\"petitionId\":\"" + key + "\"}";
        try (EventProbe probe = new EventProbe(stack.kafka().bootstrapServers())) {
            probe.publishRaw(Topics.deadLetter(Topics.LIFECYCLE), key, value, Map.of(
                    "ce_type", "wenzheng.petition.routed.v1", "ce_id", "e-" + key, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    "dead-letter-reason", "event e-" + key + " names unknown petition " + key,
                    "dead-letter-topic", Topics.LIFECYCLE, "dead-letter-offset", "42"));

            DeadLetters dlq = new DeadLetters(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()));
            assertThat(dlq.topics()).contains(Topics.deadLetter(Topics.LIFECYCLE));
            var entry = dlq.list(Topics.deadLetter(Topics.LIFECYCLE)).stream().filter(e -> key.equals(e.key())).findFirst().orElseThrow();
            assertThat(entry.reason()).contains("names unknown petition");
            assertThat(entry.originalTopic()).isEqualTo(Topics.LIFECYCLE);
            assertThat(entry.type()).isEqualTo("wenzheng.petition.routed.v1");

            assertThat(dlq.replay(Topics.deadLetter(Topics.LIFECYCLE), e -> e.position().equals(entry.position()))).isEqualTo(1);
            var replayed = probe.await(Topics.LIFECYCLE, r -> key.equals(r.key()), Duration.ofSeconds(20)).orElseThrow();
            assertThat(replayed.value()).isEqualTo(value);
            assertThat(replayed.headers()).containsEntry("ce_id", "e-" + key).containsEntry("ce_type", "wenzheng.petition.routed.v1")
                    .containsEntry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                    .containsEntry(DeadLetters.REPLAYED_FROM, Topics.deadLetter(Topics.LIFECYCLE) + "@" + entry.position())
                    .doesNotContainKeys("dead-letter-reason", "dead-letter-topic", "dead-letter-offset");
        }
    }
}
