package io.wenzheng.kit.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The spans the suite makes itself, where the outbox and the inbox stand between Kafka and the code: publishing an
 * event (a child of the span that wrote it to the outbox, possibly long before) and consuming one (a child of the
 * span that published it). HTTP spans come from Quarkus.
 */
@ApplicationScoped
public class Spans {
    public static final String PETITION = "wenzheng.petition.id";
    public static final String EVENT_TYPE = "wenzheng.event.type";

    @Inject
    Tracer tracer;

    /** A publishing span, child of the traceparent stored with the outbox row (a new trace when there is none). */
    public Span publishing(String eventType, String topic, String petitionId, String parent) {
        return tracer.spanBuilder("publish " + eventType).setParent(TraceContext.parentFrom(parent))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute(EVENT_TYPE, eventType)
                .setAttribute(PETITION, petitionId == null ? "" : petitionId)
                .startSpan();
    }

    /** A consuming span, child of the record's traceparent, made current for the message's handling. */
    public Span consuming(String consumer, String eventType, String petitionId, String parent) {
        Span span = tracer.spanBuilder(consumer + " " + eventType).setParent(TraceContext.parentFrom(parent))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute(EVENT_TYPE, eventType)
                .setAttribute(PETITION, petitionId == null ? "" : petitionId)
                .startSpan();
        TraceContext.bind(span);
        return span;
    }

    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.toString());
        }
        span.end();
    }
}
