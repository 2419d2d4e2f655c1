package io.wenzheng.kit.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

class TraceContextTest {
    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private final Tracer tracer = SdkTracerProvider.builder().build().get("test");

    @Test
    void aSpanStartedFromAStoredTraceparentContinuesItsTrace() {
        Span child = tracer.spanBuilder("publish").setParent(TraceContext.parentFrom(PARENT)).startSpan();
        String header = TraceContext.of(child.getSpanContext());
        assertThat(header).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01").isNotEqualTo(PARENT);
        assertThat(TraceContext.traceId(header)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        try (var ignored = child.makeCurrent()) {
            assertThat(TraceContext.current()).as("outside Vert.x the current span is OpenTelemetry's").isEqualTo(header);
        }
        child.end();
    }

    @Test
    void aMissingOrMalformedParentStartsANewTrace() {
        for (String bad : new String[] {null, "", "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}) {
            Span root = tracer.spanBuilder("publish").setParent(TraceContext.parentFrom(bad)).startSpan();
            assertThat(root.getSpanContext().isValid()).isTrue();
            assertThat(root.getSpanContext().getTraceId()).as(String.valueOf(bad)).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            root.end();
        }
    }

    @Test
    void withNoSpanThereIsNoCurrentTrace() {
        assertThat(TraceContext.current()).isNull();
    }
}
