package io.wenzheng.routing.decision;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest routing decision for a petition, kept so routing can always explain itself. */
@Entity
@Table(name = "routing_decision")
public class DecisionRow extends PanacheEntityBase {
    @Id
    @Column(name = "petition_id")
    public String petitionId;
    @Column(nullable = false)
    public String outcome;
    public String category;
    @Column(name = "unit_code")
    public String unitCode;
    /** {@code kit.security.Sight}'s column form of the units that may see this petition besides its own. */
    @Column(name = "supervising_units")
    public String supervisingUnits;
    @Column(nullable = false)
    public double confidence;
    @Column(nullable = false, columnDefinition = "text")
    public String reason;
    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
    /** The routed text, kept to route again after a hand-back. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String subject;
    @com.fasterxml.jackson.annotation.JsonIgnore
    @Column(columnDefinition = "text")
    public String body;
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String address;
    public Double latitude;
    public Double longitude;
    @jakarta.persistence.Column(name = "category_hint")
    public String categoryHint;
    @Column(name = "tracking_code")
    public String trackingCode;
}
