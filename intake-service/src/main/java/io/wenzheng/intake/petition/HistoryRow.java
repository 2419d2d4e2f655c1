package io.wenzheng.intake.petition;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One event in a petition's history. */
@Entity
@Table(name = "petition_history")
public class HistoryRow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "petition_id", nullable = false)
    public String petitionId;
    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(nullable = false)
    public String source;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(nullable = false, columnDefinition = "text")
    public String data;

    public static Uni<List<HistoryRow>> of(String petitionId) {
        return list("petitionId = ?1 order by occurredAt, seq", petitionId);
    }
}
