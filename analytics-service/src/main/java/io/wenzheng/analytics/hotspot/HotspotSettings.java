package io.wenzheng.analytics.hotspot;

import java.time.Duration;

/** How the detector decides that similar petitions are a surge. */
public record HotspotSettings(Duration window, int baselineWindows, int minimumCount, double minimumGrowth, double similarity) {

    public HotspotSettings {
        if (window.isNegative() || window.isZero() || baselineWindows < 1 || minimumCount < 2 || minimumGrowth < 1
                || similarity <= 0 || similarity >= 1) {
            throw new IllegalArgumentException("hotspot settings out of range: " + window + ", " + baselineWindows + ", "
                    + minimumCount + ", " + minimumGrowth + ", " + similarity);
        }
    }

    /** How far back the detector remembers petitions: the baseline and the recent window. */
    public Duration horizon() {
        return window.multipliedBy(baselineWindows + 1L);
    }
}
