package io.wenzheng.analytics.hotspot;

import java.time.Instant;
import java.util.List;

/** A cluster that grew faster than its baseline: what a hotspot event and the dashboard show. */
public record Surge(String hotspotId, List<String> label, String place, Instant firstSeen, Instant lastSeen, int count,
                    double expected, double growth, List<String> examplePetitionIds) {
}
