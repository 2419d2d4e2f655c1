package io.wenzheng.routing.handback;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One unit handing one petition back. */
@Entity
@Table(name = "hand_back")
public class HandBack extends PanacheEntityBase {
    /** After this many hand-backs a petition goes to a supervisor instead of another unit. */
    public static final int PING_PONG_LIMIT = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "petition_id", nullable = false)
    public String petitionId;
    @Column(name = "unit_code", nullable = false)
    public String unitCode;
    @Column(nullable = false, columnDefinition = "text")
    public String reason;
    @Column(name = "returned_at", nullable = false)
    public Instant returnedAt;
}
