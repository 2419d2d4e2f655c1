package io.wenzheng.intake.unitfeed.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One feed event on its way to a unit's endpoint, as the structured CloudEvent that will be posted. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
    public enum Status { PENDING, DELIVERED, PARKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "unit_code", nullable = false)
    public String unitCode;
    @Column(name = "petition_id", nullable = false)
    public String petitionId;
    @Column(name = "event_id", nullable = false)
    public String eventId;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(nullable = false, columnDefinition = "text")
    public String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
