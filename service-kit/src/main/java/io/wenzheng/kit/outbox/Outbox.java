package io.wenzheng.kit.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.InsightEvent;
import io.wenzheng.contracts.InsightType;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.kit.sql.MultiRowStatement;
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
        Row row = row(event, topic, occurredAt);
        return Panache.getSession().chain(session -> session.persist(row.entity()))
                .replaceWith(() -> new StoredEvent(row.eventId(), type, occurredAt, event));
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
        private final List<Row> rows = new ArrayList<>();

        public Appends add(PetitionEvent event, Instant occurredAt) {
            rows.add(row(event, EventType.of(event).topic(), occurredAt));
            return this;
        }

        /** Adds an insight (a hotspot, a report) on its topic, keyed by its own id. */
        public Appends add(InsightEvent event, Instant occurredAt) {
            InsightType type = InsightType.of(event);
            rows.add(row(type.type(), type.topic(), event.key(), EventJson.write(event), occurredAt));
            return this;
        }

        /** Adds an event for a unit's own system on its feed, keyed by the petition; answers the event's id. */
        public String add(io.wenzheng.contracts.UnitFeedEvent event, String unitCode, Instant occurredAt) {
            Row row = unitFeedRow(event, unitCode, occurredAt);
            rows.add(row);
            return row.eventId();
        }

        public int size() {
            return rows.size();
        }

        public Uni<Void> write() {
            return Prepared.INSERT.execute(rows.stream().map(row -> new Prepared(row).parameters()).toList()).replaceWithVoid();
        }
    }

    /**
     * An event ready to be written by a caller's own statement together with the rows it belongs to: one round trip
     * for a whole write, where the write is hot enough to pay for it (intake's acceptance).
     */
    public Prepared prepare(PetitionEvent event, Instant occurredAt) {
        return new Prepared(row(event, EventType.of(event).topic(), occurredAt));
    }

    /** An outbox row not yet written: its columns, and their values as statement parameters. */
    public record Prepared(Row row) {
        public static final String COLUMNS = "event_id, event_type, topic, message_key, subject, payload, occurred_at, traceparent, attempts";
        /** One row's values; the last column, attempts, starts at 0. */
        public static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, 0)";
        public static final int PARAMETERS = 8;
        static final MultiRowStatement INSERT = new MultiRowStatement("insert into outbox_event (" + COLUMNS + ") values ", ROW, "");

        public List<Object> parameters() {
            return java.util.Arrays.asList(row.eventId(), row.eventType(), row.topic(), row.messageKey(), row.subject(), row.payload(),
                    io.wenzheng.kit.sql.Timestamptz.of(row.occurredAt()), row.traceparent());
        }

        public String eventId() {
            return row.eventId();
        }
    }

    /**
     * An outbox row before it is written: a plain record, since most rows go out in a statement and an entity would
     * have Hibernate's change tracking run on every field set.
     */
    public record Row(String eventId, String eventType, String topic, String messageKey, String subject, String payload,
                      Instant occurredAt, String traceparent) {
        OutboxEvent entity() {
            OutboxEvent e = new OutboxEvent();
            e.eventId = eventId;
            e.eventType = eventType;
            e.topic = topic;
            e.messageKey = messageKey;
            e.subject = subject;
            e.payload = payload;
            e.occurredAt = occurredAt;
            e.traceparent = traceparent;
            return e;
        }
    }

    private static Row row(PetitionEvent event, String topic, Instant occurredAt) {
        return row(EventType.of(event).type(), topic, event.petitionId(), EventJson.write(event), occurredAt);
    }

    /** A row keyed, and with its CloudEvents subject, by what the event is about; it carries the current trace. */
    private static Row row(String type, String topic, String key, String payload, Instant occurredAt) {
        return new Row(UUID.randomUUID().toString(), type, topic, key, key, payload, occurredAt, TraceContext.current());
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
        Row row = unitFeedRow(event, unitCode, occurredAt);
        return Panache.getSession().chain(session -> session.persist(row.entity())).replaceWith(row.eventId());
    }

    private static Row unitFeedRow(io.wenzheng.contracts.UnitFeedEvent event, String unitCode, Instant occurredAt) {
        return row(io.wenzheng.contracts.UnitFeedType.of(event).type(), io.wenzheng.contracts.Topics.unitFeed(unitCode),
                event.petitionId(), EventJson.write(event), occurredAt);
    }

    /** An event about no petition: keyed, and its CloudEvents subject, by what it is about. */
    private static Uni<Void> appendKeyed(io.wenzheng.contracts.CatalogueEntry type, String key, String payload, Instant occurredAt) {
        Row row = row(type.type(), type.topic(), key, payload, occurredAt);
        return Panache.getSession().chain(session -> session.persist(row.entity()));
    }

    /** An event as the outbox recorded it. */
    public record StoredEvent(String eventId, EventType type, Instant occurredAt, PetitionEvent data) {
    }
}
