package io.wenzheng.intake.reply;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.wenzheng.contracts.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "reply_delivery")
public class ReplyDelivery extends PanacheEntityBase {
    public enum Status { PENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "petition_id", nullable = false)
    public String petitionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    @Column(nullable = false)
    public String account;
    /** The citizen's platform id or phone number, sealed like all contact data. */
    @Column(name = "recipient_sealed", nullable = false, columnDefinition = "text")
    public String recipientSealed;
    @Column(nullable = false, columnDefinition = "text")
    public String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
}
