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

/** A signed request seen recently, by its nonce and timestamp. */
@Entity
@Table(name = "channel_nonce")
public class ChannelNonce extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "body_hash", nullable = false)
    public String bodyHash;
    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;

    @Embeddable
    public record Key(@Enumerated(EnumType.STRING) Channel channel, String account, String nonce, @Column(name = "signed_at") long signedAt)
            implements Serializable {
    }
}
