package io.wenzheng.analytics.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The detector's default limit, from the heap: the figures docs/operations.md gives for the dev stack and production. */
class DetectorMemoryLimitTest {
    private static final long MB = 1L << 20;

    @Test
    void theLimitFollowsTheHeapAboveWhatTheServiceHoldsAnyway() {
        assertThat(HotspotWatch.rememberedThatFit(200 * MB)).as("the dev stack's 200 MB").isEqualTo(8_192);
        assertThat(HotspotWatch.rememberedThatFit(460 * MB)).as("production's 460 MB: a city of 3,000 a day keeps 24,000")
                .isBetween(29_000, 29_500);
        assertThat(HotspotWatch.rememberedThatFit(64 * MB)).as("a heap too small for the rest still remembers some").isEqualTo(1_000);
        assertThat(HotspotWatch.rememberedThatFit(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }
}
