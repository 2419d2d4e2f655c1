package io.wenzheng.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.wenzheng.devstack.load.PetitionTexts;
import io.wenzheng.devstack.suite.RunningSuite;
import io.wenzheng.devstack.suite.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.wenzheng.cli.Cli;

/**
 * {@code ./wenzheng bench [--warmup=60] [--rate=1000] [--seconds=60] [--max-rate=3000] [--max-seconds=30] [--burst=100000]
 * [--ceiling=500000] [--patience=300] [--jvm=production|development|'options'] [--profile=on]}: starts its own suite with production JVM settings on free ports, runs the phases,
 * prints the table and writes {@code report.json} and {@code report.md} to {@code bench/target/suite-bench}.
 */
public final class SuiteBenchCli {
    private SuiteBenchCli() {
    }

    public static void main(String[] args) {
        Cli.Options o = Cli.options("wenzheng bench", "End-to-end benchmark on a suite of its own (production JVM settings, free "
                        + "ports): latency per stage, throughput, a burst, each service's RSS and the broker's raw ceiling; "
                        + "writes bench/target/suite-bench/report.md and report.json.", args,
                Cli.Opt.of("warmup", int.class, "60", "seconds of warm-up before measuring"),
                Cli.Opt.of("rate", double.class, "1000", "petitions per second offered in the steady phase"),
                Cli.Opt.of("seconds", int.class, "60", "length of the steady phase"),
                Cli.Opt.of("max-rate", double.class, "3000", "highest rate of the capacity search"),
                Cli.Opt.of("max-seconds", int.class, "30", "length of each capacity step"),
                Cli.Opt.of("burst", long.class, "100000", "petitions in the burst"),
                Cli.Opt.of("ceiling", long.class, "500000", "records for the broker's raw ceiling"),
                Cli.Opt.of("patience", long.class, "300", "seconds to wait for the pipeline to drain"),
                Cli.Opt.of("jvm", String.class, "production", "production, development, or the services' JVM options in quotes"),
                Cli.Opt.flag("profile", "profile each service (async-profiler on Linux x86-64, JFR elsewhere) and summarise where the CPU went"));
        Cli.guard("wenzheng bench", () -> run(o));
    }

    private static void run(Cli.Options o) throws IOException {
        SuiteBenchmark.Options options = new SuiteBenchmark.Options(Integer.parseInt(o.get("warmup")),
                Double.parseDouble(o.get("rate")), Integer.parseInt(o.get("seconds")),
                Double.parseDouble(o.get("max-rate")), Integer.parseInt(o.get("max-seconds")),
                Long.parseLong(o.get("burst")), Long.parseLong(o.get("ceiling")),
                Duration.ofSeconds(Long.parseLong(o.get("patience"))));
        Path root = Path.of(System.getProperty("wenzheng.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/suite-bench");
        List<String> jvm = switch (o.get("jvm")) {
            case "production" -> ServiceProcess.PRODUCTION_JVM;
            case "development" -> ServiceProcess.DEVELOPMENT_JVM;
            default -> List.of(o.get("jvm").split(" "));
        };
        Path profiles = work.resolve("profiles");
        io.wenzheng.devstack.process.Directories.delete(profiles); // an earlier run's profiles are not this run's
        if (o.has("profile")) {
            // One profile per service for the whole run, summarised below: which threads and code the CPU went to.
            Files.createDirectories(profiles);
            jvm = new java.util.ArrayList<>(jvm);
            java.util.Optional<Path> asyncProfiler = AsyncProfiling.library(work.resolve("async-profiler"));
            if (asyncProfiler.isPresent()) {
                jvm.add(AsyncProfiling.agentOption(asyncProfiler.get(), profiles));
            } else {
                // Reactive stacks are deep: at the default depth of 64 a sample rarely reaches the suite code that caused it.
                jvm.add("-XX:FlightRecorderOptions=stackdepth=512");
                jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + profiles);
            }
        }
        say("services' JVM options: " + jvm + " (and -Xmx of each service)");
        SuiteBenchmark.Report report;
        Map<String, String> services = new HashMap<>();
        List<String> serviceJvm = List.copyOf(jvm);
        // Spans are exported in batches over OTLP in production; logging each one, as a developer's suite does, is not.
        try (RunningSuite running = RunningSuite.start(root, work,
                suite -> suite.withJvmOptions(serviceJvm).withConfig("wenzheng.tracing.log", "false"), SuiteBenchCli::say)) {
            report = new SuiteBenchmark(running, PetitionTexts.near(root), SuiteBenchCli::say).run(options);
            for (var s : io.wenzheng.devstack.suite.ServiceName.values()) {
                services.put(String.valueOf(running.suite().service(s).pid()), s.module());
            }
        }
        String table = table(report);
        for (var profile : ProfileSummary.ofDirectory(profiles, 15).entrySet()) {
            String file = profile.getKey();
            String service = services.entrySet().stream().filter(e -> file.contains("pid-" + e.getKey() + "-")).map(Map.Entry::getValue)
                    .findFirst().orElse(file);
            table += String.format("%n### Profile of %s%n%n%s", service, profile.getValue());
        }
        Files.writeString(work.resolve("report.md"), table);
        json().writeValue(work.resolve("report.json").toFile(), report);
        System.out.println(table);
        say("report: " + work.resolve("report.md") + " and " + work.resolve("report.json"));
    }

    static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }

    static String table(SuiteBenchmark.Report r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nWenzheng end-to-end benchmark, %s, %d cores, texts: %s%n", r.at(), r.cores(), r.texts()));
        out.append(String.format("%n| phase | offered/s | sent | accepted | refused | no answer in 10 s | not sent | accepted/s | end to end/s | drained after load | lost |%n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
        for (SuiteBenchmark.Phase p : r.phases()) {
            out.append(String.format("| %s | %s | %,d | %,d | %,d | %,d | %,d | %,.0f | %,.0f | %.1f s | %d |%n", p.name(),
                    Double.isNaN(p.offeredPerSecond()) ? "as fast as answered" : String.format("%,.0f", p.offeredPerSecond()),
                    p.sent(), p.accepted(), p.refused(), p.unanswered(), p.notSent(), p.acceptedPerSecond(), p.endToEndPerSecond(), p.drainedSeconds(), p.lost()));
        }
        r.phases().stream().filter(p -> !p.refusals().isEmpty()).forEach(p -> out.append(String.format("%nRefused in %s: %s%n", p.name(),
                p.refusals().entrySet().stream().map(e -> String.format("%,d × %s", e.getValue(), e.getKey()))
                        .collect(java.util.stream.Collectors.joining("; ")))));
        r.phases().stream().filter(p -> p.sentAgain() > 0).forEach(p -> out.append(String.format(
                "%nIn %s, intake answered %,d sendings busy (503, Retry-After); each was sent again after the wait. Intake's own count of them: %s.%n",
                p.name(), p.sentAgain(), p.shed().entrySet().stream().map(e -> String.format("%,d (%s)", e.getValue(),
                        "unnamed".equals(e.getKey()) ? "every stage" : "stage " + e.getKey())).collect(java.util.stream.Collectors.joining(", ")))));
        out.append(String.format("%nThe machine's speed before each phase (SHA-256 of %d MB on one thread, the median of seven tries, "
                + "while the suite idled; a slower machine takes longer): %s%n", MachineSpeed.MEGABYTES, r.phases().stream()
                .map(p -> String.format("%s %.0f ms", p.name(), p.workMillisBefore())).collect(java.util.stream.Collectors.joining(", "))));
        r.phases().stream().filter(p -> !p.meanBatches().isEmpty()).forEach(p -> out.append(String.format(
                "%nMean batch in %s (petitions per acceptance statement at intake, events per poll batch in each consumer): %s%n", p.name(),
                p.meanBatches().entrySet().stream().map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
                        .collect(java.util.stream.Collectors.joining(", ")))));
        for (SuiteBenchmark.Phase p : r.phases()) {
            out.append(String.format("%nLatency, %s%n%n| stage | petitions | p50 | p95 | p99 | max |%n|---|---:|---:|---:|---:|---:|%n", p.name()));
            out.append(p.http().row("HTTP answer (accepted)")).append('\n');
            out.append(p.routed().row("accepted → routed (event times)")).append('\n');
            out.append(p.routedSeen().row("accepted → routed, seen by a subscriber")).append('\n');
            out.append(p.deadline().row("accepted → deadline set")).append('\n');
            out.append(p.counted().row("accepted → counted in analytics")).append('\n');
            out.append(String.format("%nCPU per petition (ms), from the first request to the last petition counted: %s%n", p.cpuPerPetition()));
            out.append(String.format("%nOf the services' CPU per petition, their collectors' (the JVM's VM and GC threads): %s%n", p.collectorPerPetition()));
        }
        KafkaCeiling.Result c = r.ceiling();
        out.append(String.format("%n| Kafka ceiling (same broker, %d-byte records, acks=all, idempotent) | records/s |%n|---|---:|%n", c.recordBytes()));
        out.append(String.format("| produce %,d records | %,.0f |%n| consume them | %,.0f |%n", c.records(), c.producedPerSecond(), c.consumedPerSecond()));
        out.append(String.format("%nThe suite's best end-to-end rate is %.4f of the ceiling (%.1f %%); each petition put %.1f records on the observed topics.%n",
                r.ceilingRatio(), r.ceilingRatio() * 100, r.recordsPerPetition()));
        out.append(String.format("%n| service | peak RSS |%n|---|---:|%n"));
        r.peakRssMb().forEach((s, mb) -> out.append(String.format("| %s | %d MB |%n", s.module(), mb)));
        return out.toString();
    }

    private static void say(String line) {
        System.out.println("wenzheng bench | " + line);
    }
}
