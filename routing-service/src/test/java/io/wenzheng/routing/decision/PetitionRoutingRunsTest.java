package io.wenzheng.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionReturned;
import io.wenzheng.kit.inbox.ConsumedEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PetitionRoutingRunsTest {
    @Test
    void receivedPetitionsRunTogetherUntilAHandBackWhichStandsAlone() {
        List<ConsumedEvent> batch = List.of(received("a"), received("b"), returned("a"), returned("b"), received("c"), received("d"),
                received("e"));

        List<List<ConsumedEvent>> runs = PetitionRouting.runs(batch);

        assertThat(runs).extracting(run -> run.stream().map(e -> e.type() + ":" + e.petitionId()).toList()).containsExactly(
                List.of("PETITION_RECEIVED:a", "PETITION_RECEIVED:b"),
                List.of("PETITION_RETURNED:a"),
                List.of("PETITION_RETURNED:b"),
                List.of("PETITION_RECEIVED:c", "PETITION_RECEIVED:d", "PETITION_RECEIVED:e"));
    }

    @Test
    void aBatchKeepsItsOrderAndLosesNothing() {
        List<ConsumedEvent> batch = List.of(returned("x"), received("y"), returned("y"), received("z"));

        assertThat(PetitionRouting.runs(batch).stream().flatMap(List::stream).toList()).isEqualTo(batch);
        assertThat(PetitionRouting.runs(List.of())).isEmpty();
    }

    private static ConsumedEvent received(String id) {
        return event(EventType.PETITION_RECEIVED, new PetitionReceived(id, "TRACK1AB", Channel.WEB, null, "路灯不亮", null, null,
                Instant.parse("2026-12-06T01:00:00Z"), null));
    }

    private static ConsumedEvent returned(String id) {
        return event(EventType.PETITION_RETURNED, new PetitionReturned(id, "A3", "不属本单位", Instant.parse("2026-12-06T02:00:00Z")));
    }

    private static ConsumedEvent event(EventType type, PetitionEvent data) {
        return new ConsumedEvent(type + "-" + data.petitionId(), type, "test", Instant.parse("2026-12-06T02:00:00Z"), data, null);
    }
}
