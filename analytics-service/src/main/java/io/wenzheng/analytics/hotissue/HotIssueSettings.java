package io.wenzheng.analytics.hotissue;

/**
 * How messages are joined into one issue and which issues are ranked.
 *
 * @param similarity       cosine similarity of two messages' words that joins them when they name no common place
 * @param samePlace        the lower similarity that joins two messages about the same place
 * @param minimumCitizens  fewest different citizens that make a hot issue: one citizen's repeats are not one
 */
public record HotIssueSettings(double similarity, double samePlace, int minimumCitizens) {

    public HotIssueSettings {
        if (similarity <= 0 || similarity >= 1 || samePlace <= 0 || samePlace > similarity || minimumCitizens < 1) {
            throw new IllegalArgumentException("hot issue settings out of range: similarity " + similarity + ", same place "
                    + samePlace + ", citizens " + minimumCitizens);
        }
    }

    /** Chosen by cross-validation over time slices of the shared board's data: docs/hotspots.md. */
    public static HotIssueSettings defaults() {
        return new HotIssueSettings(0.4, 0.2, 2);
    }
}
