package io.wenzheng.kit.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Proof that one consumer has processed one event. */
@Entity
@Table(name = "inbox_event")
public class InboxEntry extends PanacheEntityBase {
    @Id
    public String id;

    @Column(nullable = false)
    public String consumer;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    static String key(String consumer, String eventId) {
        return consumer + "/" + eventId;
    }
}
