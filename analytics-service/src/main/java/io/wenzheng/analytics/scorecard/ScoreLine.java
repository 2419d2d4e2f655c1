package io.wenzheng.analytics.scorecard;

import io.wenzheng.analytics.measure.Measures;

/** One unit's line in the league table; {@code rank} is null for units with too few petitions to rank fairly. */
public record ScoreLine(Integer rank, String unitCode, String unitName, double score, Measures measures) {
}
