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
        /** The place most of its petitions name (as the hot-issue table shows places); null when they share none. */
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
        Instant detectedAt,
        /** What people read the surge by: a citizen's subject from it, as the hot-issue table titles issues. Null from
         * producers older than this field. */
        String title) implements InsightEvent {

    /** A surge without a title, as producers before the title field wrote it. */
    public HotspotDetected(String hotspotId, List<String> label, String place, Instant firstSeen, Instant lastSeen, int count,
                           double expected, double growth, List<String> examplePetitionIds, Instant detectedAt) {
        this(hotspotId, label, place, firstSeen, lastSeen, count, expected, growth, examplePetitionIds, detectedAt, null);
    }

    @Override
    public String key() {
        return hotspotId;
    }
}
