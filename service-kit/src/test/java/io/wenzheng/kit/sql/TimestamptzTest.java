package io.wenzheng.kit.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestamptzTest {
    @Test
    void anInstantIsBoundAsTheSameMomentInUtc() {
        Instant at = Instant.parse("2026-12-31T16:00:00.123456Z");
        assertEquals(OffsetDateTime.of(2026, 12, 31, 16, 0, 0, 123_456_000, ZoneOffset.UTC), Timestamptz.bindable(at));
        assertEquals(at, Timestamptz.of(at).toInstant());
    }

    @Test
    void otherValuesAndAMissingMomentAreBoundAsTheyAre() {
        String text = "2026-12-31";
        assertSame(text, Timestamptz.bindable(text));
        assertNull(Timestamptz.bindable(null));
        assertNull(Timestamptz.of(null));
    }
}
