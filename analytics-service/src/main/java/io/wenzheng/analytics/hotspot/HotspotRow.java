package io.wenzheng.analytics.hotspot;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The latest state of each hotspot, for the dashboard, the reports and {@code GET /api/v1/stats/hotspots}. */
@Entity
@Table(name = "hotspot")
public class HotspotRow extends PanacheEntityBase {
    @Id
    @Column(name = "hotspot_id")
    public String hotspotId;
    @Column(nullable = false)
    public String label;
    public String place;
    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;
    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;
    @Column(name = "petition_count", nullable = false)
    public int count;
    @Column(nullable = false)
    public double expected;
    @Column(nullable = false)
    public double growth;
    @Column(nullable = false)
    public String examples;
    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;
    /** A citizen's subject from the surge, what people read it by. */
    public String title;

    void update(Surge surge, Instant now, String title) {
        this.title = title;
        hotspotId = surge.hotspotId();
        label = String.join(" ", surge.label());
        place = surge.place();
        firstSeen = firstSeen == null || surge.firstSeen().isBefore(firstSeen) ? surge.firstSeen() : firstSeen;
        lastSeen = surge.lastSeen();
        count = surge.count();
        expected = surge.expected();
        growth = surge.growth();
        examples = String.join(",", surge.examplePetitionIds());
        detectedAt = now;
    }

    /** The row's values in the order of {@code HotspotWatch}'s upsert. */
    List<Object> values() {
        return Arrays.asList(hotspotId, label, place, firstSeen, lastSeen, count, expected, growth, examples, detectedAt, title);
    }

    public Hotspot view() {
        return new Hotspot(hotspotId, Arrays.asList(label.split(" ")), place, firstSeen, lastSeen, count, expected, growth,
                examples.isEmpty() ? List.of() : Arrays.asList(examples.split(",")), detectedAt, title);
    }

    /** A hotspot as the API shows it. */
    public record Hotspot(String hotspotId, List<String> label, String place, Instant firstSeen, Instant lastSeen, int count,
                          double expected, double growth, List<String> examplePetitionIds, Instant detectedAt, String title) {
    }
}
