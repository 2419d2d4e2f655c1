package io.wenzheng.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A weekly or monthly report was generated; {@code links} name its HTML, PDF and CSV renderings. */
public record ReportPublished(
        String reportId,
        /** WEEKLY or MONTHLY. */
        String period,
        LocalDate from,
        /** Exclusive. */
        LocalDate to,
        String title,
        Map<String, String> links,
        Instant publishedAt) implements InsightEvent {

    @Override
    public String key() {
        return reportId;
    }
}
