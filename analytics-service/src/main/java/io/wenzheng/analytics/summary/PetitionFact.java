package io.wenzheng.analytics.summary;

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

@Entity
@Table(name = "petition_fact")
public class PetitionFact extends PanacheEntityBase {
    @Id
    @Column(name = "petition_id")
    public String petitionId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String category;
    @Column(name = "unit_code")
    public String unitCode;
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
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
