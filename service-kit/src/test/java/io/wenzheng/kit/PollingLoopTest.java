package io.wenzheng.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollingLoopTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void aWakeUpRunsTheNextRoundLongBeforeItsPollingDelay() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        PollingLoop<Integer> loop = new PollingLoop<>(vertx, "test", () -> Uni.createFrom().item(rounds.incrementAndGet()),
                n -> Duration.ofSeconds(30), Duration.ofSeconds(30));
        loop.start();
        awaitRounds(rounds, 1);
        Thread.sleep(50);
        loop.wakeUp(Duration.ofMillis(20));
        awaitRounds(rounds, 2);
        Thread.sleep(300);
        assertThat(rounds.get()).as("one wake-up, one extra round; the 30 s poll has not come").isEqualTo(2);
        loop.stop();
    }

    @Test
    void aStreamOfWakeUpsIsServedInRoundsAtLeastTheGapApart() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        PollingLoop<Integer> loop = new PollingLoop<>(vertx, "test", () -> Uni.createFrom().item(rounds.incrementAndGet()),
                n -> Duration.ofSeconds(30), Duration.ofSeconds(30));
        loop.start();
        awaitRounds(rounds, 1);
        long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
        while (System.nanoTime() < until) {
            loop.wakeUp(Duration.ofMillis(50));
            Thread.sleep(1);
        }
        loop.stop();
        // 500 ms of wake-ups every millisecond, rounds at least 50 ms apart: about 10, never hundreds.
        assertThat(rounds.get()).isBetween(5, 13);
    }

    private static void awaitRounds(AtomicInteger rounds, int n) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (rounds.get() < n && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(rounds.get()).isGreaterThanOrEqualTo(n);
    }
}
