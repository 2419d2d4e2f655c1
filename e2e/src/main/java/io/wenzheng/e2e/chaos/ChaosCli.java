package io.wenzheng.e2e.chaos;

import io.wenzheng.devstack.load.PetitionTexts;
import io.wenzheng.devstack.suite.RunningSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./wenzheng chaos [--rate=200] [--seconds=120] [--faults=10] [--seed=N] [--max-down=8] [--patience=300]}: starts
 * its own suite on free ports, runs the crash harness, prints the table and writes {@code report.json} and
 * {@code report.md} to its work directory. Exits 1 when anything was lost or doubled.
 */
public final class ChaosCli {
    private ChaosCli() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("usage: wenzheng chaos [--rate=200] [--seconds=120] [--faults=10] [--seed=N] [--max-down=8] [--patience=300]");
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        CrashHarness.Plan plan = new CrashHarness.Plan(
                Double.parseDouble(options.getOrDefault("rate", "200")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "120"))),
                Integer.parseInt(options.getOrDefault("faults", "10")),
                Long.parseLong(options.getOrDefault("seed", String.valueOf(System.currentTimeMillis()))),
                Duration.ofMillis((long) (Double.parseDouble(options.getOrDefault("max-down", "8")) * 1000)),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("patience", "300"))));
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
