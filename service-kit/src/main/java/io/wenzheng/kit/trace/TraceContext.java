package io.wenzheng.kit.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The W3C trace context (traceparent) that ties one petition's work together across the four services: the HTTP
 * request that brought it, each event it caused, each consumer that handled one. OpenTelemetry makes the spans
 * ({@link Spans}); this class says which span is current and writes it in the header's form.
 *
 * <p>An event's consumer span is bound to the Vert.x context of the message it handles, because the handler's
 * reactive chain does not carry OpenTelemetry's current context; an HTTP request's span is OpenTelemetry's own.
 */
public final class TraceContext {
    public static final String HEADER = "traceparent";
    private static final String KEY = "wenzheng.traceparent";
    private static final Pattern VALID = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContext() {
    }

    /** The current span as a traceparent, or null when there is none (outside a request or message, or tracing off). */
    public static String current() {
        io.vertx.core.Context vertx = io.vertx.core.Vertx.currentContext();
        String bound = vertx == null ? null : vertx.getLocal(KEY);
        if (bound != null) {
            return bound;
        }
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? of(span) : null;
    }

    /** Makes a consumer's span current for the message handled on this Vert.x context. */
    static void bind(Span span) {
        io.vertx.core.Context vertx = io.vertx.core.Vertx.currentContext();
        if (vertx != null && span.getSpanContext().isValid()) {
            vertx.putLocal(KEY, of(span.getSpanContext()));
        }
    }

    /** Makes a traceparent current for what is handled next on this Vert.x context (an event of a batch). */
    public static void bind(String traceparent) {
        io.vertx.core.Context vertx = io.vertx.core.Vertx.currentContext();
        if (vertx != null) {
            if (traceparent == null) {
                vertx.removeLocal(KEY);
            } else {
                vertx.putLocal(KEY, traceparent);
            }
        }
    }

    public static String of(SpanContext span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** The OpenTelemetry context a traceparent names; the root context when it is absent or malformed. */
    public static Context parentFrom(String traceparent) {
        if (traceparent == null || !VALID.matcher(traceparent.trim()).matches()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent.trim()), GETTER);
    }

    public static String traceId(String traceparent) {
        var m = traceparent == null ? null : VALID.matcher(traceparent);
        return m != null && m.matches() ? m.group(1) : null;
    }
}
