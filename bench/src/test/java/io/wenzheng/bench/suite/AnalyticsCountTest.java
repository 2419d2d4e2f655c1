package io.wenzheng.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the bench reads as analytics' count: received petitions its fact projector committed, and nothing else. */
class AnalyticsCountTest {
    @Test
    void onlyTheFactProjectorsReceivedPetitionsCount() {
        Stream<String> scrape = Stream.of(
                "# TYPE wenzheng_pipeline_delay_seconds histogram",
                "wenzheng_pipeline_delay_seconds_count{consumer=\"analytics-facts\",type=\"wenzheng.petition.received.v1\"} 23557.0",
                "wenzheng_pipeline_delay_seconds_count{consumer=\"analytics-facts\",type=\"wenzheng.petition.routed.v1\"} 19106.0",
                "wenzheng_pipeline_delay_seconds_count{consumer=\"analytics-insights\",type=\"wenzheng.petition.received.v1\"} 5.0",
                "wenzheng_pipeline_delay_seconds_sum{consumer=\"analytics-facts\",type=\"wenzheng.petition.received.v1\"} 812.5");
        assertThat(SuiteBenchmark.countedIn(scrape)).isEqualTo(23_557);
        assertThat(SuiteBenchmark.countedIn(Stream.of("# nothing counted yet"))).isZero();
    }
}
