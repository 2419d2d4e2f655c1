package io.wenzheng.analytics.hotissue;

import java.time.Duration;

/**
 * How messages are joined into one issue and which issues are ranked.
 *
 * @param similarity       cosine similarity of two messages' words that joins them when they name no common place
 * @param samePlace        the lower similarity that joins two messages about the same place
 * @param minimumCitizens  fewest different citizens that make a hot issue: one citizen's repeats are not one
 * @param quietGap         two messages further apart than this are not joined directly: an issue is hot while
 *                         citizens keep writing, and a topic that returns after a quiet quarter is a new wave
 */
public record HotIssueSettings(double similarity, double samePlace, int minimumCitizens, Duration quietGap) {

    public static final Duration QUIET_GAP = Duration.ofDays(90);

    public HotIssueSettings(double similarity, double samePlace, int minimumCitizens) {
        this(similarity, samePlace, minimumCitizens, QUIET_GAP);
    }

    public HotIssueSettings {
        if (similarity <= 0 || similarity >= 1 || samePlace <= 0 || samePlace > similarity || minimumCitizens < 1
                || quietGap.isNegative() || quietGap.isZero()) {
            throw new IllegalArgumentException("hot issue settings out of range: similarity " + similarity + ", same place "
                    + samePlace + ", citizens " + minimumCitizens + ", quiet gap " + quietGap);
        }
    }

    /** Chosen by cross-validation over time slices of the shared board's data: docs/hotspots.md. */
    public static HotIssueSettings defaults() {
        return new HotIssueSettings(0.4, 0.2, 2);
    }
}
