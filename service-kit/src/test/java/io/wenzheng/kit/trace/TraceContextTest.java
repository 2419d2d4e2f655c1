package io.wenzheng.kit.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextTest {
    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aChildKeepsTheTraceAndTheFlagsWithANewSpan() {
        String child = TraceContext.childOf(PARENT);
        assertThat(child).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01").isNotEqualTo(PARENT);
        assertThat(TraceContext.traceId(child)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceContext.childOf(PARENT.toUpperCase().replace("00-4BF", "00-4bf"))).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
    }

    @Test
    void aMissingOrMalformedParentStartsANewTrace() {
        for (String bad : new String[] {null, "", "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}) {
            String root = TraceContext.childOf(bad);
            assertThat(root).as(String.valueOf(bad)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(TraceContext.traceId(root)).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
        assertThat(TraceContext.childOf(null)).isNotEqualTo(TraceContext.childOf(null));
    }

    @Test
    void outsideVertxThereIsNoCurrentTrace() {
        TraceContext.bind(PARENT);
        assertThat(TraceContext.current()).isNull();
    }
}
