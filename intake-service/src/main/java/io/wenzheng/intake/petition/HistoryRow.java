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

    public static HistoryRow entry(String eventId, String type, String source, Instant at, String data, String petitionId) {
        HistoryRow h = new HistoryRow();
        h.petitionId = petitionId;
        h.eventId = eventId;
        h.eventType = type;
        h.source = source;
        h.occurredAt = at;
        h.data = data;
        return h;
    }

    public static Uni<List<HistoryRow>> of(String petitionId) {
        return list("petitionId = ?1 order by occurredAt, seq", petitionId);
    }

    /** Writes a batch's entries in one statement, in the caller's transaction; they keep their order in {@code seq}. */
    public static Uni<Void> insertAll(List<HistoryRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("insert into petition_history (petition_id, event_id, event_type, source, occurred_at, data) values ");
        for (int i = 0; i < rows.size(); i++) {
            int first = 1 + i * 6;
            sql.append(i == 0 ? "" : ", ").append(String.format("(?%d, ?%d, ?%d, ?%d, ?%d, ?%d)",
                    first, first + 1, first + 2, first + 3, first + 4, first + 5));
        }
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(sql.toString());
            for (int i = 0; i < rows.size(); i++) {
                HistoryRow h = rows.get(i);
                int first = 1 + i * 6;
                insert.setParameter(first, h.petitionId);
                insert.setParameter(first + 1, h.eventId);
                insert.setParameter(first + 2, h.eventType);
                insert.setParameter(first + 3, h.source);
                insert.setParameter(first + 4, java.time.OffsetDateTime.ofInstant(h.occurredAt, java.time.ZoneOffset.UTC));
                insert.setParameter(first + 5, h.data);
            }
            return insert.executeUpdate();
        }).replaceWithVoid();
    }
}
