package io.wenzheng.intake.petition;

import io.wenzheng.contracts.PetitionStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.TimeBasis;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "petition")
public class PetitionRow extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "tracking_code", nullable = false, unique = true)
    public String trackingCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    public String subject;
    @Column(name = "body", nullable = false, columnDefinition = "text")
    public String text;
    public String address;
    public Double latitude;
    public Double longitude;
    @Column(name = "citizen_ref")
    public String citizenRef;
    /** Name and phone, AES-GCM sealed; never leaves intake in clear. */
    @Column(name = "contact_sealed", columnDefinition = "text")
    public String contactSealed;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PetitionStatus status;
    public String category;
    /** The level-2 category routing gave, when it gave one. */
    public String subcategory;
    /** The district (区/县) routing placed the petition in; null for city-wide matters. */
    @Column(name = "district_code")
    public String districtCode;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "unit_name")
    public String unitName;
    /** Who else may see it: {@code kit.security.Sight}'s column form of the directory's supervising units. */
    @Column(name = "supervising_units")
    public String supervisingUnits;
    /** Pictures the citizen sent: a JSON array of URLs, or null. */
    @Column(columnDefinition = "text")
    public String attachments;

    public java.util.List<String> attachmentList() {
        if (attachments == null) {
            return java.util.List.of();
        }
        try {
            return java.util.Arrays.asList(io.wenzheng.contracts.EventJson.mapper().readValue(attachments, String[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("corrupt attachments of petition " + id, e);
        }
    }
    @Column(name = "first_response_due")
    public Instant firstResponseDue;
    @Enumerated(EnumType.STRING)
    @Column(name = "time_basis")
    public TimeBasis timeBasis;
    @Column(nullable = false)
    public boolean overdue;
    /** An earlier petition of the same citizen that this one reads like; an operator decides whether to merge. */
    @Column(name = "possible_duplicate_of")
    public String possibleDuplicateOf;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** The import job that took this petition over from an earlier system; null for a live petition. */
    @Column(name = "import_job")
    public String importJob;
    @Column(name = "imported_at")
    public Instant importedAt;
}
