package io.wenzheng.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleBackoffTest {
    @Test
    void emptyRoundsDoubleThePauseUpToTheLongestAndWorkStartsItAgain() {
        IdleBackoff backoff = new IdleBackoff(Duration.ofMillis(500), Duration.ofSeconds(2));
        assertThat(backoff.idle()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.idle()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.idle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.idle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.busy(Duration.ofMillis(50))).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.idle()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aLongestPauseShorterThanTheFirstIsRefused() {
        assertThatThrownBy(() -> new IdleBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdleBackoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
