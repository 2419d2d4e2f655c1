package io.wenzheng.analytics.stats;

import java.time.Instant;
import java.util.Map;

/** Counts across all petitions: the foundation's view for the city and the supervision office. */
public record Summary(
        long total,
        Map<String, Long> byStatus,
        Map<String, Long> byChannel,
        Map<String, Long> byCategory,
        Map<String, Long> byUnit,
        Map<String, Long> firstResponse,
        Instant asOf) {
}
