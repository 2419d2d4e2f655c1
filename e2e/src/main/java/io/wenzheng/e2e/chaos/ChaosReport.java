package io.wenzheng.e2e.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.wenzheng.devstack.load.PetitionLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a crash run did and found, as a table for people and JSON for tracking. */
public record ChaosReport(CrashHarness.Plan plan, String texts, Load load, List<CrashHarness.InjectedFault> faults,
                          Reconciliation.Outcome reconciliation) {

    /**
     * @param refused answers that were not 2xx, by status; 0 means no answer came (connection refused or reset, timeout)
     * @param notSent requests the generator skipped because too many were waiting for an answer
     */
    public record Load(long sent, long accepted, long acceptedByRest, long acceptedByWebhook, Map<Integer, Long> refused,
                       long notSent, double seconds) {
    }

    ChaosReport(CrashHarness.Plan plan, String texts, PetitionLoad.Result result, List<CrashHarness.InjectedFault> faults,
                Reconciliation.Outcome reconciliation) {
        this(plan, texts, new Load(result.attempts().size(), result.accepted().size(),
                result.accepted().stream().filter(a -> a.route() == PetitionLoad.Route.REST).count(),
                result.accepted().stream().filter(a -> a.route() == PetitionLoad.Route.WECHAT).count(),
                result.attempts().stream().filter(a -> !a.accepted())
                        .collect(Collectors.groupingBy(PetitionLoad.Attempt::status, TreeMap::new, Collectors.counting())),
                result.notSent(), result.elapsed().toMillis() / 1000.0), faults, reconciliation);
    }

    public long lost() {
        return reconciliation.lost();
    }

    public long duplicated() {
        return reconciliation.duplicated();
    }

    public double maxBackSeconds() {
        return faults.stream().mapToDouble(CrashHarness.InjectedFault::backSeconds).max().orElse(0);
    }

    public double maxRecoverySeconds() {
        return faults.stream().mapToDouble(CrashHarness.InjectedFault::recoverySeconds).max().orElse(0);
    }

    public boolean analyticsEqualsTruth() {
        return reconciliation.analyticsEqualsTruth();
    }

    public boolean passed() {
        return reconciliation.clean() && faults.stream().allMatch(f -> f.error() == null);
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n| fault | at (s) | kept down (s) | back after (s) | whole suite ready after (s) |%n|---|---:|---:|---:|---:|%n"));
        for (CrashHarness.InjectedFault f : faults) {
            out.append(String.format("| SIGKILL %s | %.1f | %.1f | %.1f | %s |%n", f.fault(), f.atSeconds(), f.downSeconds(), f.backSeconds(),
                    f.error() == null ? String.format("%.1f", f.recoverySeconds()) : "not recovered: " + f.error()));
        }
        String refused = load.refused().entrySet().stream()
                .map(e -> (e.getKey() == 0 ? "no answer" : String.valueOf(e.getKey())) + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
        out.append(String.format("%n| measure | value |%n|---|---:|%n"));
        row(out, "load", String.format("%.0f/s for %.0f s (%s texts)", plan.perSecond(), plan.duration().toSeconds() * 1.0, texts));
        row(out, "faults injected", String.valueOf(faults.size()));
        row(out, "requests sent", String.format("%,d", load.sent()));
        row(out, "petitions accepted (2xx)", String.format("%,d (REST %,d, WeChat webhook %,d)", load.accepted(), load.acceptedByRest(), load.acceptedByWebhook()));
        row(out, "refused", refused.isEmpty() ? "0" : refused);
        row(out, "not sent (generator saturated)", String.format("%,d", load.notSent()));
        row(out, "stored by intake during the run", String.format("%,d (%,d of them never answered: a crash or a timeout took the answer)",
                reconciliation.truth(), Math.max(0, reconciliation.truth() - load.accepted())));
        row(out, "counted by analytics (facts / counters)", String.format("%,d / %,d", reconciliation.analyticsTotal(), reconciliation.analyticsReceived()));
        row(out, "**lost**", String.format("%d (not in intake %d, not routed %d, no deadline %d, not counted %d)", lost(),
                reconciliation.lostInIntake(), reconciliation.notRouted(), reconciliation.withoutDeadline(), reconciliation.notCounted()));
        row(out, "**duplicated**", String.format("%d (two deadlines %d, routed twice %d, over-counted %d)", duplicated(),
                reconciliation.duplicateDeadlines(), reconciliation.duplicateRouting(),
                Math.max(0, reconciliation.analyticsTotal() - reconciliation.truth()) + Math.max(0, reconciliation.analyticsReceived() - reconciliation.truth())));
        row(out, "max recovery", String.format("%.1f s for the crashed part, %.1f s for the whole suite", maxBackSeconds(), maxRecoverySeconds()));
        row(out, "all agreed after the load", String.format("%.1f s", reconciliation.settledAfterSeconds()));
        row(out, "verdict", passed() ? "PASS" : "FAIL");
        reconciliation.examples().forEach(e -> out.append("  - ").append(e).append('\n'));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    public void write(Path json, Path markdown) {
        try {
            Files.createDirectories(json.toAbsolutePath().getParent());
            new ObjectMapper().registerModule(new JavaTimeModule()).enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).writeValue(json.toFile(), this);
            Files.writeString(markdown, table());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
