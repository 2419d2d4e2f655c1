package io.wenzheng.intake.channel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.wenzheng.contracts.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A platform message that became a petition. */
@Entity
@Table(name = "channel_message")
public class ChannelMessage extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "petition_id", nullable = false)
    public String petitionId;
    @Column(name = "tracking_code", nullable = false)
    public String trackingCode;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Embeddable
    public record Key(@Enumerated(EnumType.STRING) Channel channel, String account, @Column(name = "message_id") String messageId)
            implements Serializable {
    }
}
