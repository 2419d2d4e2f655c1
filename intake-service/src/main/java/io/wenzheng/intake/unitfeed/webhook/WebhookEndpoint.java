package io.wenzheng.intake.unitfeed.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A unit's registered endpoint and its signing secrets, sealed. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {
    @Id
    @Column(name = "unit_code")
    public String unitCode;
    @Column(nullable = false)
    public String url;
    @Column(name = "secret_sealed", nullable = false)
    public String secretSealed;
    /** The secret before the last rotation, still used to sign until {@link #previousValidUntil}. */
    @Column(name = "previous_secret_sealed")
    public String previousSecretSealed;
    @Column(name = "previous_valid_until")
    public Instant previousValidUntil;
    @Column(name = "validated_at", nullable = false)
    public Instant validatedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
