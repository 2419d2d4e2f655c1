package io.wenzheng.analytics.hotspot;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A petition's features, kept so the surge detector remembers them across restarts and hot issues can be ranked
 * for any period: its bigrams, and its words, place and group of people as hot-issue ranking analysed them at
 * receipt. The text itself is not kept; the subject is, because people read issues by it.
 */
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
    @Column(name = "tracking_code")
    public String trackingCode;
    public String subject;
    /** A digest of the citizen's reference: equal for one citizen, and not the reference. */
    public String citizen;
    /** The petition's words as hot-issue ranking weighs them ("word:count word:count"). */
    public String words;
    @Column(name = "place_district")
    public String placeDistrict;
    @Column(name = "place_name")
    public String placeName;
    @Column(name = "place_group")
    public boolean placeGroup;
    /** The group of people the petition names most (学生, 业主), if any. */
    public String people;

    static HotspotDocument of(Document document) {
        HotspotDocument row = new HotspotDocument();
        row.petitionId = document.petitionId();
        row.receivedAt = document.receivedAt();
        row.features = TextFeatures.encode(document.features().asMap());
        row.place = document.place();
        return row;
    }

    /** Adds what hot-issue ranking learnt of the petition. */
    HotspotDocument with(String trackingCode, String citizenDigest, io.wenzheng.analytics.hotissue.HotIssueRanking.Analysed analysed) {
        this.trackingCode = trackingCode;
        this.subject = analysed.message().subject();
        this.citizen = citizenDigest;
        this.words = TextFeatures.encode(analysed.words());
        if (analysed.place() != null) {
            this.placeDistrict = analysed.place().district();
            this.placeName = analysed.place().name();
            this.placeGroup = analysed.place().group();
        }
        this.people = analysed.group();
        return this;
    }

    /** The row's values in {@code HotspotWatch}'s insert order. */
    java.util.List<Object> values() {
        return java.util.Arrays.asList(petitionId, receivedAt, features, place, trackingCode, subject, citizen, words, placeDistrict,
                placeName, placeGroup, people);
    }

    Document toDocument() {
        return new Document(petitionId, receivedAt, Bigrams.of(TextFeatures.decode(features)), place);
    }
}
