package io.wenzheng.contracts;

/**
 * What analytics publishes on {@link Topics#INSIGHT}. These are about many petitions, not one, so they are keyed by
 * their own id (a hotspot's or a report's) instead of a petition id.
 */
public sealed interface InsightEvent permits HotspotDetected, ReportPublished {
    /** The Kafka key and CloudEvents subject. */
    String key();
}
