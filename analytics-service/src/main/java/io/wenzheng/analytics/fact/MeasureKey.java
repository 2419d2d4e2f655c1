package io.wenzheng.analytics.fact;

import java.time.LocalDate;

/**
 * One row of the pre-aggregated read model: the day a petition was received (in the city's zone) and its cut.
 * Petitions count on the day they arrived, so a day's completion rate rises as its petitions are resolved.
 * Unknown parts are empty strings, not nulls, so they can be part of a primary key.
 */
public record MeasureKey(LocalDate day, String unitCode, String category, String channel, String districtCode) {
}
