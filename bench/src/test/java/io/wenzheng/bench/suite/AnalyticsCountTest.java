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

    @Test
    void intakesRefusalsAreReadByStageAndCountedOverAPhase() {
        Stream<String> before = Stream.of(
                "# TYPE wenzheng_intake_shed_total counter",
                "wenzheng_intake_shed_total{stage=\"arrival\"} 120.0");
        Stream<String> after = Stream.of(
                "wenzheng_intake_shed_total{stage=\"arrival\"} 9120.0 # {span_id=\"3f2a\",trace_id=\"9c1e\"} 1.0 1765160101.123",
                "wenzheng_intake_shed_total{stage=\"filing\"} 37.0",
                "wenzheng_intake_shed_totally_other{stage=\"arrival\"} 5.0");
        assertThat(SuiteBenchmark.difference(SuiteBenchmark.shedIn(before), SuiteBenchmark.shedIn(after)))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("arrival", 9_000L, "filing", 37L));
        assertThat(SuiteBenchmark.shedIn(Stream.of("# nothing refused yet"))).isEmpty();
        assertThat(SuiteBenchmark.shedIn(Stream.of("wenzheng_intake_shed_total 8.0 # {trace_id=\"9c1e\"} 1.0 1796701748.241")))
                .as("a counter without labels").containsExactlyEntriesOf(java.util.Map.of("unnamed", 8L));
    }

    @Test
    void batchSizesAreTheMeanOfWhatEachSummaryRecordedBetweenTwoScrapes() {
        var before = SuiteBenchmark.summaries(Stream.of(
                "wenzheng_consumer_batch_size_count{consumer=\"routing-lifecycle\"} 10.0",
                "wenzheng_consumer_batch_size_sum{consumer=\"routing-lifecycle\"} 100.0",
                "wenzheng_consumer_batch_size_bucket{consumer=\"routing-lifecycle\",le=\"50.0\"} 10.0"), "wenzheng_consumer_batch_size", "consumer");
        var after = SuiteBenchmark.summaries(Stream.of(
                "# TYPE wenzheng_consumer_batch_size summary",
                "wenzheng_consumer_batch_size_count{consumer=\"routing-lifecycle\"} 30.0",
                "wenzheng_consumer_batch_size_sum{consumer=\"routing-lifecycle\"} 1100.0",
                "wenzheng_consumer_batch_size_max{consumer=\"routing-lifecycle\"} 200.0",
                "wenzheng_consumer_batch_size_count{consumer=\"sla-clocks\"} 4.0",
                "wenzheng_consumer_batch_size_sum{consumer=\"sla-clocks\"} 6.0",
                "wenzheng_consumer_batch_size_count{consumer=\"idle\"} 0.0"), "wenzheng_consumer_batch_size", "consumer");
        assertThat(SuiteBenchmark.means(before, after)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "routing-lifecycle", 50.0, "sla-clocks", 1.5));
        var unlabelled = SuiteBenchmark.summaries(Stream.of(
                "wenzheng_intake_acceptance_group_count 8.0 # {span_id=\"5fe8\",trace_id=\"2dfc\"} 1.0 1796701748.241",
                "wenzheng_intake_acceptance_group_sum 100.0",
                "wenzheng_intake_acceptance_group_sum_other 5.0"), "wenzheng_intake_acceptance_group", null);
        assertThat(unlabelled.get("")).containsExactly(100.0, 8.0);
    }
}
