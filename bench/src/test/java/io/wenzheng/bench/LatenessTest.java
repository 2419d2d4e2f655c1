package io.wenzheng.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatenessTest {

    @Test
    void percentilesUseTheNearestRank() {
        List<Duration> values = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            values.add(Duration.ofMillis(i));
        }
        Collections.shuffle(values);
        Lateness l = Lateness.of(values);
        assertThat(l.count()).isEqualTo(200);
        assertThat(l.p50()).isEqualTo(Duration.ofMillis(100));
        assertThat(l.p99()).isEqualTo(Duration.ofMillis(198));
        assertThat(l.max()).isEqualTo(Duration.ofMillis(200));
        assertThat(Lateness.of(List.of()).count()).isZero();
    }

    @Test
    void thePlanSpreadsTheSteadyStreamAndStacksTheBurst() {
        Plan plan = new Plan(1000, 4, Duration.ofSeconds(40), 3);
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        var firing = plan.firing(start);
        assertThat(firing).hasSize(7);
        assertThat(firing.get(0).dueAt()).isEqualTo(start);
        assertThat(firing.get(1).dueAt()).isEqualTo(start.plusSeconds(10));
        assertThat(firing.get(3).dueAt()).isEqualTo(start.plusSeconds(30));
        assertThat(firing.subList(4, 7)).allMatch(d -> d.dueAt().equals(start.plusSeconds(50)));
        assertThat(firing.get(0).petitionId()).hasSize(26).startsWith(Plan.STEADY);
        assertThat(firing.get(6).petitionId()).startsWith(Plan.BURST);
    }
}
