package io.wenzheng.contracts;

import java.util.Arrays;
import java.util.Optional;

/** The insight event types and the records that carry their data. */
public enum InsightType implements CatalogueEntry {
    HOTSPOT_DETECTED("wenzheng.insight.hotspot-detected.v1", HotspotDetected.class),
    REPORT_PUBLISHED("wenzheng.insight.report-published.v1", ReportPublished.class);

    private final String type;
    private final Class<? extends InsightEvent> payload;

    InsightType(String type, Class<? extends InsightEvent> payload) {
        this.type = type;
        this.payload = payload;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String topic() {
        return Topics.INSIGHT;
    }

    public Class<? extends InsightEvent> payload() {
        return payload;
    }

    public static InsightType of(InsightEvent event) {
        return Arrays.stream(values()).filter(t -> t.payload.isInstance(event)).findFirst().orElseThrow();
    }

    public static Optional<InsightType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
