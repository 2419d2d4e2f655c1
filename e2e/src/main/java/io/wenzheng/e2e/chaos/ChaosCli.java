package io.wenzheng.e2e.chaos;

import io.wenzheng.devstack.load.PetitionTexts;
import io.wenzheng.devstack.suite.RunningSuite;
import java.nio.file.Path;
import java.time.Duration;
import io.wenzheng.cli.Cli;

/**
 * {@code ./wenzheng chaos [--rate=200] [--seconds=120] [--faults=10] [--seed=N] [--max-down=8] [--patience=300]}: starts
 * its own suite on free ports, runs the crash harness, prints the table and writes {@code report.json} and
 * {@code report.md} to its work directory. Exits 1 when anything was lost or doubled.
 */
public final class ChaosCli {
    private ChaosCli() {
    }

    public static void main(String[] args) {
        Cli.Options o = Cli.options("wenzheng chaos", "Load a suite of its own while SIGKILLing services, the broker and PostgreSQL at "
                        + "random; then reconcile every accepted petition. Exits 1 when anything was lost or doubled.", args,
                Cli.Opt.of("rate", double.class, "200", "petitions per second offered"),
                Cli.Opt.of("seconds", long.class, "120", "how long the load and the faults last"),
                Cli.Opt.of("faults", int.class, "10", "how many kills"),
                Cli.Opt.of("seed", long.class, null, "seed of the fault plan (default: the clock)"),
                Cli.Opt.of("max-down", double.class, "8", "longest time, in seconds, a killed part stays down"),
                Cli.Opt.of("patience", long.class, "300", "seconds to wait for the pipeline to settle before reconciling"));
        Cli.guard("wenzheng chaos", () -> run(o));
    }

    private static void run(Cli.Options options) {
        CrashHarness.Plan plan = new CrashHarness.Plan(
                Double.parseDouble(options.get("rate")),
                Duration.ofSeconds(Long.parseLong(options.get("seconds"))),
                Integer.parseInt(options.get("faults")),
                options.get("seed") == null ? System.currentTimeMillis() : Long.parseLong(options.get("seed")),
                Duration.ofMillis((long) (Double.parseDouble(options.get("max-down")) * 1000)),
                Duration.ofSeconds(Long.parseLong(options.get("patience"))));
        Path root = Path.of(System.getProperty("wenzheng.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve(".wenzheng/chaos");
        say("plan: " + plan);
        ChaosReport report;
        try (RunningSuite running = RunningSuite.start(root, work, ChaosCli::say)) {
            report = new CrashHarness(running.stack(), running.suite(), running.tokens(), PetitionTexts.near(root)).run(plan, ChaosCli::say);
        }
        report.write(work.resolve("report.json"), work.resolve("report.md"));
        System.out.println(report.table());
        say("report: " + work.resolve("report.md") + " and " + work.resolve("report.json") + "; service logs in " + work.resolve("logs"));
        System.exit(report.passed() ? 0 : 1);
    }

    private static void say(String line) {
        System.out.println("wenzheng chaos | " + line);
    }
}
