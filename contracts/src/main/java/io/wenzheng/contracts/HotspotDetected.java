package io.wenzheng.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A surge of similar petitions (热点): more arrived in the recent window than the cluster's baseline explains.
 * Published again, with the same {@code hotspotId}, when the surge keeps growing.
 */
public record HotspotDetected(
        String hotspotId,
        /** The cluster's most telling terms, e.g. ["油烟", "噪音", "魅力之城"]. */
        List<String> label,
        /** The place most of its petitions name or were routed to; null when they share none. */
        String place,
        Instant firstSeen,
        Instant lastSeen,
        /** Petitions in the detection window. */
        int count,
        /** Petitions expected in the window from the baseline. */
        double expected,
        /** count / max(expected, 1). */
        double growth,
        List<String> examplePetitionIds,
        Instant detectedAt) implements InsightEvent {

    @Override
    public String key() {
        return hotspotId;
    }
}
