package io.wenzheng.kit.inbox;

import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.kit.trace.TraceContext;
import java.time.Instant;

/**
 * An event read from Kafka: its CloudEvents attributes and its typed data.
 *
 * @param trace the traceparent of this event's consuming span (or of its producer when tracing is off), or null
 * @param json  the data as it arrived, or null when the event was made here
 */
public record ConsumedEvent(String id, EventType type, String source, Instant time, PetitionEvent data, String trace, String json) {

    public ConsumedEvent(String id, EventType type, String source, Instant time, PetitionEvent data, String trace) {
        this(id, type, source, time, data, trace, null);
    }

    /** The data as JSON: as it arrived, so that a copy kept (a history entry) need not be written again. */
    public String dataJson() {
        return json != null ? json : io.wenzheng.contracts.EventJson.write(data);
    }

    public String petitionId() {
        return data.petitionId();
    }

    /**
     * Makes this event's span the parent of what the handler writes next (outbox rows carry it): in a batch, the
     * handler calls this before it acts on each event.
     */
    public void makeCurrent() {
        TraceContext.bind(trace);
    }
}
