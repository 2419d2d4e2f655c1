package io.wenzheng.analytics.hotspot;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A petition's features, kept so the detector remembers them across restarts. The text itself is not kept. */
@Entity
@Table(name = "hotspot_document")
public class HotspotDocument extends PanacheEntityBase {
    @Id
    @Column(name = "petition_id")
    public String petitionId;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(nullable = false)
    public String features;
    public String place;

    static HotspotDocument of(Document document) {
        HotspotDocument row = new HotspotDocument();
        row.petitionId = document.petitionId();
        row.receivedAt = document.receivedAt();
        row.features = TextFeatures.encode(document.features());
        row.place = document.place();
        return row;
    }

    Document toDocument() {
        return new Document(petitionId, receivedAt, TextFeatures.decode(features), place);
    }
}
