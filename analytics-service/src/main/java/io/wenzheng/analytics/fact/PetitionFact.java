package io.wenzheng.analytics.fact;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.PetitionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row per petition: everything analytics knows about it, folded from every topic. */
@Entity
@Table(name = "petition_fact")
public class PetitionFact extends PanacheEntityBase {
    @Id
    @Column(name = "petition_id")
    public String petitionId;
    @Column(name = "tracking_code")
    public String trackingCode;
    /** The subject, or the first words of the text when there is none (a hotline call). */
    public String title;
    @Column(name = "unit_name")
    public String unitName;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String category;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "district_code")
    public String districtCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PetitionStatus status;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "first_response_due")
    public Instant firstResponseDue;
    @Enumerated(EnumType.STRING)
    @Column(name = "sla_state")
    public SlaState slaState;
    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "hand_backs", nullable = false)
    public int handBacks;
    @Column(nullable = false)
    public int reopens;
    public Integer rating;
    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public FactSnapshot snapshot() {
        return new FactSnapshot(channel, category, unitCode, districtCode, status, receivedAt, slaState, firstRespondedAt,
                resolvedAt, handBacks, reopens, rating, escalationLevel);
    }
}
