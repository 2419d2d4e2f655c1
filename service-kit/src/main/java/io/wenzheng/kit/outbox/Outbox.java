package io.wenzheng.kit.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.InsightEvent;
import io.wenzheng.contracts.InsightType;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.kit.trace.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records events in the caller's transaction. Call it inside {@code Panache.withTransaction}: the events commit or
 * roll back together with the state change, and {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    /** Appends an event for its type's topic. */
    public Uni<StoredEvent> append(PetitionEvent event, Instant occurredAt) {
        return append(event, EventType.of(event).topic(), occurredAt);
    }

    /** Appends an event for an explicit topic, such as a unit's feed. */
    public Uni<StoredEvent> append(PetitionEvent event, String topic, Instant occurredAt) {
        EventType type = EventType.of(event);
        OutboxEvent row = row(event, topic, occurredAt);
        return Panache.getSession().chain(session -> session.persist(row))
                .replaceWith(() -> new StoredEvent(row.eventId, type, occurredAt, event));
    }

    /** Starts a set of events to append in one statement: what a batch consumer emits for its whole batch. */
    public Appends appends() {
        return new Appends();
    }

    /**
     * Events gathered while a batch is decided, written by {@link #write()} in one multi-row insert, in the order
     * they were added (the relay publishes in that order). Each keeps the trace that was current when it was added.
     */
    public static final class Appends {
        private final List<OutboxEvent> rows = new ArrayList<>();

        public Appends add(PetitionEvent event, Instant occurredAt) {
            rows.add(row(event, EventType.of(event).topic(), occurredAt));
            return this;
        }

        public int size() {
            return rows.size();
        }

        public Uni<Void> write() {
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            StringBuilder sql = new StringBuilder("insert into outbox_event (event_id, event_type, topic, message_key, subject, "
                    + "payload, occurred_at, traceparent, attempts) values ");
            for (int i = 0; i < rows.size(); i++) {
                int p = 1 + i * 8;
                sql.append(i == 0 ? "(" : ", (");
                for (int k = 0; k < 8; k++) {
                    sql.append('?').append(p + k).append(", ");
                }
                sql.append("0)");
            }
            return Panache.getSession().chain(session -> {
                var insert = session.createNativeQuery(sql.toString());
                for (int i = 0; i < rows.size(); i++) {
                    OutboxEvent row = rows.get(i);
                    int p = 1 + i * 8;
                    insert.setParameter(p, row.eventId)
                            .setParameter(p + 1, row.eventType)
                            .setParameter(p + 2, row.topic)
                            .setParameter(p + 3, row.messageKey)
                            .setParameter(p + 4, row.subject)
                            .setParameter(p + 5, row.payload)
                            .setParameter(p + 6, java.time.OffsetDateTime.ofInstant(row.occurredAt, java.time.ZoneOffset.UTC))
                            .setParameter(p + 7, row.traceparent);
                }
                return insert.executeUpdate();
            }).replaceWithVoid();
        }
    }

    private static OutboxEvent row(PetitionEvent event, String topic, Instant occurredAt) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID().toString();
        row.eventType = EventType.of(event).type();
        row.topic = topic;
        row.messageKey = event.petitionId();
        row.subject = event.petitionId();
        row.payload = EventJson.write(event);
        row.occurredAt = occurredAt;
        row.traceparent = TraceContext.current();
        return row;
    }

    /** Appends an insight (a hotspot, a report) on its topic, keyed by its own id. */
    public Uni<Void> append(InsightEvent event, Instant occurredAt) {
        return appendKeyed(InsightType.of(event), event.key(), EventJson.write(event), occurredAt);
    }

    /** Appends a directory change on its topic, keyed by the unit's code or the rule's name. */
    public Uni<Void> append(io.wenzheng.contracts.DirectoryEvent event, Instant occurredAt) {
        return appendKeyed(io.wenzheng.contracts.DirectoryType.of(event), event.key(), EventJson.write(event), occurredAt);
    }

    /** Appends an event for a unit's own system on its feed, keyed by the petition like the lifecycle; answers its id. */
    public Uni<String> append(io.wenzheng.contracts.UnitFeedEvent event, String unitCode, Instant occurredAt) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID().toString();
        row.eventType = io.wenzheng.contracts.UnitFeedType.of(event).type();
        row.topic = io.wenzheng.contracts.Topics.unitFeed(unitCode);
        row.messageKey = event.petitionId();
        row.subject = event.petitionId();
        row.payload = EventJson.write(event);
        row.occurredAt = occurredAt;
        row.traceparent = TraceContext.current();
        return Panache.getSession().chain(session -> session.persist(row)).replaceWith(row.eventId);
    }

    /** An event about no petition: keyed, and its CloudEvents subject, by what it is about. */
    private static Uni<Void> appendKeyed(io.wenzheng.contracts.CatalogueEntry type, String key, String payload, Instant occurredAt) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID().toString();
        row.eventType = type.type();
        row.topic = type.topic();
        row.messageKey = key;
        row.subject = key;
        row.payload = payload;
        row.occurredAt = occurredAt;
        row.traceparent = TraceContext.current();
        return Panache.getSession().chain(session -> session.persist(row));
    }

    /** An event as the outbox recorded it. */
    public record StoredEvent(String eventId, EventType type, Instant occurredAt, PetitionEvent data) {
    }
}
