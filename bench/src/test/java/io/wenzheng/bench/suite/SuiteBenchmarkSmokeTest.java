package io.wenzheng.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wenzheng.devstack.load.PetitionTexts;
import io.wenzheng.devstack.suite.RunningSuite;
import io.wenzheng.devstack.suite.ServiceName;
import io.wenzheng.devstack.suite.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code ./wenzheng bench} in miniature, for correctness only: every phase runs, every accepted petition is followed
 * through every stage, the ceiling is measured and the report is written. Speed is the real benchmark's business.
 */
class SuiteBenchmarkSmokeTest {
    private static final Path ROOT = Path.of(System.getProperty("wenzheng.root", "..")).toAbsolutePath().normalize();

    @Test
    void everyPhaseFollowsEveryAcceptedPetitionThroughEveryStage() throws Exception {
        // A burst the miniature can answer within the load generator's 10 s per request on 2 cores with the whole suite
        // on them: this test is about every accepted petition passing every stage; capacity is ./wenzheng bench's.
        SuiteBenchmark.Options options = new SuiteBenchmark.Options(3, 20, 8, 60, 4, 150, 5_000, Duration.ofSeconds(180));
        SuiteBenchmark.Report report;
        try (RunningSuite running = RunningSuite.start(ROOT, ROOT.resolve("bench/target/bench-smoke"),
                suite -> suite.withJvmOptions(ServiceProcess.DEVELOPMENT_JVM).withConfig("wenzheng.tracing.log", "false"),
                line -> System.out.println("smoke: " + line))) {
            report = new SuiteBenchmark(running, PetitionTexts.synthetic(), line -> System.out.println("smoke: " + line)).run(options);
        }
        String table = SuiteBenchCli.table(report);
        System.out.println(table);

        assertThat(report.phases()).extracting(SuiteBenchmark.Phase::name).containsExactly("steady 20/s", "open loop 60/s", "burst of 150");
        for (SuiteBenchmark.Phase phase : report.phases()) {
            assertThat(phase.accepted()).as(phase.name()).isPositive();
            assertThat(phase.lost()).as("%s: accepted petitions that never passed every stage", phase.name()).isZero();
            assertThat(phase.routed().count()).as(phase.name()).isEqualTo(phase.accepted());
            assertThat(phase.deadline().count()).as(phase.name()).isEqualTo(phase.accepted());
            assertThat(phase.counted().count()).as("%s: analytics counted each accepted petition", phase.name()).isEqualTo(phase.accepted());
            assertThat(phase.routed().p50()).as("%s: routing follows acceptance", phase.name()).isPositive();
            assertThat(phase.cpu().machine()).isPositive();
            assertThat(phase.cpu().bench()).as("%s: the load generator's own CPU is counted apart", phase.name()).isPositive()
                    .isLessThan(phase.cpu().machine());
            assertThat(phase.cpu().collectors()).containsOnlyKeys(ServiceName.values()).allSatisfy((s, seconds) ->
                    assertThat(seconds).as("%s: %s's collector is part of its CPU", phase.name(), s.id())
                            .isBetween(0.0, phase.cpu().services().get(s)));
            assertThat(phase.workMillisBefore()).as("%s: the machine's fixed work was timed", phase.name()).isPositive();
            assertThat(phase.meanBatches()).as("%s: intake wrote its petitions in groups", phase.name())
                    .hasEntrySatisfying("intake acceptance", mean -> assertThat(mean).isGreaterThanOrEqualTo(1.0));
            long busyRefused = phase.refusals().entrySet().stream().filter(e -> e.getKey().contains(" 503"))
                    .mapToLong(java.util.Map.Entry::getValue).sum();
            assertThat(phase.shed().values().stream().mapToLong(Long::longValue).sum())
                    .as("%s: intake counted every busy answer the load generator got", phase.name())
                    .isEqualTo(phase.sentAgain() + busyRefused);
        }
        assertThat(report.phases().get(2).accepted()).as("a burst is absorbed whole").isEqualTo(options.burst());
        assertThat(report.ceiling().records()).isEqualTo(5_000);
        assertThat(report.ceiling().producedPerSecond()).isPositive();
        assertThat(report.ceiling().consumedPerSecond()).isPositive();
        assertThat(report.ceilingRatio()).isPositive();
        assertThat(report.peakRssMb()).containsOnlyKeys(ServiceName.values()).allSatisfy((s, mb) -> assertThat(mb).isPositive());

        Path json = ROOT.resolve("bench/target/bench-smoke/report.json");
        SuiteBenchCli.json().writeValue(json.toFile(), report);
        JsonNode read = SuiteBenchCli.json().readTree(Files.readString(json));
        assertThat(read.at("/phases/0/accepted").asLong()).isEqualTo(report.phases().get(0).accepted());
        assertThat(read.at("/ceiling/producedPerSecond").asDouble()).isPositive();
        assertThat(table).contains("Kafka ceiling", "accepted → counted in analytics", "peak RSS", "their collectors'", "The machine's speed before each phase", "Mean batch in");
    }
}
