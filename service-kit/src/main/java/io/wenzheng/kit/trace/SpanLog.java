package io.wenzheng.kit.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import org.jboss.logging.Logger;

/**
 * Writes each finished span as one log line, for a developer without a tracing backend: the dev stack turns it on
 * ({@code wenzheng.tracing.log=true}). Production sends spans over OTLP to the collector named by
 * {@code quarkus.otel.exporter.otlp.traces.endpoint}, and leaves this off.
 */
// Created at start-up: the span processor's thread first uses it, and cannot load what injection needs in tests.
@jakarta.inject.Singleton
@io.quarkus.runtime.Startup
public class SpanLog implements SpanExporter {
    private static final Logger LOG = Logger.getLogger("wenzheng.trace");
    private static final AttributeKey<String> PETITION = AttributeKey.stringKey(Spans.PETITION);

    private final boolean enabled;

    public SpanLog(io.wenzheng.kit.KitConfig config) {
        this.enabled = config.tracing().log();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (enabled) {
            for (SpanData span : spans) {
                String petition = span.getAttributes().get(PETITION);
                LOG.infof("trace=%s span=%s parent=%s %s %s %.1f ms%s%s", span.getTraceId(), span.getSpanId(),
                        span.getParentSpanContext().isValid() ? span.getParentSpanId() : "-", span.getKind(), span.getName(),
                        (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6,
                        petition == null || petition.isEmpty() ? "" : " petition=" + petition,
                        span.getStatus().getStatusCode() == io.opentelemetry.api.trace.StatusCode.ERROR ? " ERROR" : "");
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
