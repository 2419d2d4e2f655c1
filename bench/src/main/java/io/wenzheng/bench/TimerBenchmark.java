package io.wenzheng.bench;

import io.wenzheng.devstack.DevStack;
import io.wenzheng.devstack.process.Ports;
import io.wenzheng.devstack.suite.ServiceName;
import io.wenzheng.devstack.suite.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./wenzheng timer-bench}: firing lateness and throughput of sla-service's deadline timers with 100,000 and
 * 1,000,000 pending, against Quartz (JDBC job store, clustered) doing the same deadlines on the same PostgreSQL.
 * Lateness is measured to the commit of the transaction that fired a deadline (PostgreSQL commit timestamps), so
 * it is when the breach became visible, not when work on it began.
 */
public final class TimerBenchmark {

    record Result(String engine, int pending, Duration load, Lateness steady, Lateness burst, double burstPerSecond,
                  int duplicates, int unfired) {
    }

    public static void main(String[] args) {
        Map<String, String> opts = io.wenzheng.cli.Cli.options("wenzheng timer-bench", "Firing lateness and throughput of "
                        + "sla-service's deadline timers, against Quartz on the same PostgreSQL; writes bench/target/timer-bench.", args,
                io.wenzheng.cli.Cli.Opt.of("pending", String.class, "100000,1000000", "pending deadlines per run, comma-separated"),
                io.wenzheng.cli.Cli.Opt.of("steady", int.class, "10000", "deadlines falling due in the steady window"),
                io.wenzheng.cli.Cli.Opt.of("window-seconds", long.class, "50", "length of the steady window"),
                io.wenzheng.cli.Cli.Opt.of("burst", int.class, "10000", "deadlines falling due at one instant"),
                io.wenzheng.cli.Cli.Opt.of("engines", String.class, "wenzheng,quartz", "which timers to measure"),
                io.wenzheng.cli.Cli.Opt.of("quartz-threads", int.class, "8", "Quartz worker threads")).values();
        io.wenzheng.cli.Cli.guard("wenzheng timer-bench", () -> run(opts));
    }

    private static void run(Map<String, String> opts) throws Exception {
        Path root = Path.of(System.getProperty("wenzheng.root", ".")).toAbsolutePath().normalize();
        List<Integer> sizes = Arrays.stream(opts.getOrDefault("pending", "100000,1000000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        int steady = Integer.parseInt(opts.getOrDefault("steady", "10000"));
        Duration window = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("window-seconds", "50")));
        int burst = Integer.parseInt(opts.getOrDefault("burst", "10000"));
        Set<String> engines = Set.of(opts.getOrDefault("engines", "wenzheng,quartz").split(","));
        int quartzThreads = Integer.parseInt(opts.getOrDefault("quartz-threads", "8"));

        List<Result> results = new ArrayList<>();
        Path work = root.resolve("bench/target/timer-bench");
        try (DevStack stack = DevStack.start(DevStack.Settings.forTests(work));
             Suite suite = new Suite(stack, root, p -> Ports.free())) {
            System.out.println("timer-bench | starting sla-service (full JIT, escalation after 1 h so each deadline is one action)");
            suite.startTuned(ServiceName.SLA, "sla-bench", Ports.free(), List.of(),
                    Map.of("wenzheng.sla.escalation-delays", "1h"), Duration.ofSeconds(180));
            List<TimerEngine> list = new ArrayList<>();
            if (engines.contains("wenzheng")) {
                list.add(new WenzhengTimers(stack));
            }
            if (engines.contains("quartz")) {
                list.add(new QuartzTimers(stack, quartzThreads));
            }
            for (int pending : sizes) {
                Plan plan = new Plan(pending, steady, window, burst);
                for (TimerEngine engine : list) {
                    results.add(run(engine, plan));
                }
            }
            for (TimerEngine engine : list) {
                engine.close();
            }
        }
        String report = report(results, steady, window, burst, quartzThreads);
        System.out.println();
        System.out.println(report);
        Files.createDirectories(work);
        Files.writeString(work.resolve("report.md"), report);
        System.out.println("timer-bench | report written to " + work.resolve("report.md"));
    }

    static Result run(TimerEngine engine, Plan plan) throws Exception {
        String label = String.format("%s, %,d pending", engine.name(), plan.pending());
        System.out.printf("timer-bench | %s: loading%n", label);
        long t0 = System.nanoTime();
        engine.loadPending(plan.pending(), Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));
        Duration load = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("timer-bench | %s: loaded in %.1f s; arming %,d firing deadlines%n", label, load.toMillis() / 1000.0, plan.firingCount());
        Instant start = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
        List<Plan.Deadline> firing = plan.firing(start);
        engine.arm(firing);
        Instant burstAt = plan.burstAt(start);
        // A slow engine gets time to finish; what it has not fired by then is reported as unfired, not hidden.
        Instant giveUp = burstAt.plus(Duration.ofSeconds(Math.max(300, plan.firingCount() / 40)));
        long fired = 0;
        while (fired < plan.firingCount() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(5000);
            fired = engine.fired();
            System.out.printf("timer-bench | %s: fired %,d / %,d%n", label, fired, plan.firingCount());
        }
        Thread.sleep(2000); // anything still in flight, and any duplicate, shows up in the count
        List<Firing> firings = engine.firings();
        engine.disarm();

        Set<String> expected = firing.stream().map(Plan.Deadline::petitionId).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (Firing f : firings) {
            if (!seen.add(f.petitionId())) {
                duplicates++;
            }
        }
        seen.retainAll(expected);
        int unfired = expected.size() - seen.size();
        List<Firing> steadyFirings = firings.stream().filter(f -> f.petitionId().startsWith(Plan.STEADY)).toList();
        List<Firing> burstFirings = firings.stream().filter(f -> f.petitionId().startsWith(Plan.BURST)).toList();
        Instant lastBurst = burstFirings.stream().map(Firing::committedAt).max(Instant::compareTo).orElse(burstAt);
        // No burst firing at all means no throughput to speak of, not an infinite ratio.
        double perSecond = burstFirings.isEmpty() ? Double.NaN
                : burstFirings.size() / Math.max(0.001, Duration.between(burstAt, lastBurst).toNanos() / 1e9);
        Result r = new Result(engine.name(), plan.pending(), load, Lateness.of(steadyFirings.stream().map(Firing::lateness).toList()),
                Lateness.of(burstFirings.stream().map(Firing::lateness).toList()), perSecond, duplicates, unfired);
        System.out.printf("timer-bench | %s: steady p50 %s p99 %s; burst %,.0f/s; duplicates %d, unfired %d%n", label,
                Lateness.millis(r.steady().p50()), Lateness.millis(r.steady().p99()), perSecond, duplicates, unfired);
        return r;
    }

    static String report(List<Result> results, int steady, Duration window, int burst, int quartzThreads) {
        StringBuilder md = new StringBuilder();
        md.append(String.format("Each run: %,d deadlines due evenly over %d s (%,.0f/s), then %,d due at one instant, on top of the "
                + "pending ones. Lateness = commit of the firing transaction − due time. Quartz: JobStoreTX, clustered, %d threads, "
                + "batch acquisition %d.%n%n", steady, window.toSeconds(), steady / (double) window.toSeconds(), burst, quartzThreads, quartzThreads));
        md.append("| engine | pending | load | steady p50 | steady p99 | steady max | burst p50 | burst p99 | burst throughput | duplicates | unfired at cut-off |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            md.append(String.format("| %s | %,d | %.1f s | %s | %s | %s | %s | %s | %s | %d | %d |%n", r.engine(), r.pending(),
                    r.load().toMillis() / 1000.0, Lateness.millis(r.steady().p50()), Lateness.millis(r.steady().p99()),
                    Lateness.millis(r.steady().max()), Lateness.millis(r.burst().p50()), Lateness.millis(r.burst().p99()),
                    Double.isNaN(r.burstPerSecond()) ? "none fired" : String.format("%,.0f/s", r.burstPerSecond()),
                    r.duplicates(), r.unfired()));
        }
        md.append("\n| pending | steady p99, quartz ÷ wenzheng | burst throughput, wenzheng ÷ quartz |\n|---:|---:|---:|\n");
        for (Result w : results) {
            if (!w.engine().equals("wenzheng")) {
                continue;
            }
            results.stream().filter(q -> q.engine().equals("quartz") && q.pending() == w.pending()).findFirst().ifPresent(q ->
                    md.append(String.format("| %,d | %.1f× | %s |%n", w.pending(),
                            q.steady().p99().toNanos() / (double) Math.max(1, w.steady().p99().toNanos()),
                            Double.isNaN(q.burstPerSecond()) ? "quartz fired none of the burst by the cut-off"
                                    : String.format("%.1f×", w.burstPerSecond() / q.burstPerSecond()))));
        }
        return md.toString();
    }
}
