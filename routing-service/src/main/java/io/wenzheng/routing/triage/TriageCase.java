package io.wenzheng.routing.triage;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A petition waiting for an operator's decision. */
@Entity
@Table(name = "triage_case")
public class TriageCase extends PanacheEntityBase {
    public enum Status { OPEN, DECIDED, REJECTED, MERGED }

    @Id
    @Column(name = "petition_id")
    public String petitionId;
    /** What the operator sees of the petition instead of its id. */
    @Column(name = "tracking_code")
    public String trackingCode;
    public String subject;
    @Column(nullable = false, columnDefinition = "text")
    public String body;
    public String address;
    @Column(name = "suggested_category")
    public String suggestedCategory;
    /** The level 2 the text names under the suggested category (二级分类); null when it names none. */
    @Column(name = "suggested_subcategory")
    public String suggestedSubcategory;
    @Column(nullable = false)
    public double confidence;
    @Column(nullable = false, columnDefinition = "text")
    public String reason;
    /** {@link io.wenzheng.routing.decision.RoutingDecision.Why}: what the person must decide. */
    @Column(nullable = false)
    public String why;
    /** The petition's words behind the suggestion, one per line, strongest first. */
    @Column(columnDefinition = "text")
    public String evidence;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "decided_category")
    public String decidedCategory;
    @Column(name = "decided_unit")
    public String decidedUnit;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** Set when the petition bounced between units: a supervisor, not an operator, decides. */
    @Column(nullable = false)
    public boolean supervisor;
}
