package io.wenzheng.intake.channel.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A petition received on the minute once broke the GeoReport schema: seconds must always be written. */
class Open311TimeTest {
    @Test
    void aTimeOnTheMinuteKeepsItsSeconds() {
        assertThat(Open311Resource.time(Instant.parse("2026-12-03T13:30:00Z"))).isEqualTo("2026-12-03T21:30:00+08:00");
        assertThat(Open311Resource.time(Instant.parse("2026-12-03T13:30:07.9Z"))).isEqualTo("2026-12-03T21:30:07+08:00");
    }
}
