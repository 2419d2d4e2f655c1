package io.wenzheng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.devstack.process.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./wenzheng} as a newcomer types it, with no suite running: help everywhere, one option syntax, mistakes named
 * in one line with a non-zero exit, never a stack trace. Runs the script itself, on the jars this build made.
 */
class CommandLineTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Run(int code, String out, String err) {
    }

    private static Run wenzheng(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("wenzheng").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        // Nothing of the developer's own suite: free ports where nothing listens.
        builder.environment().put("WENZHENG_KAFKA_PORT", String.valueOf(Ports.free()));
        builder.environment().put("WENZHENG_KEYCLOAK_PORT", String.valueOf(Ports.free()));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpOnTheScriptAndOnEveryCommandExitsZeroAndListsTheOptions() throws Exception {
        Run top = wenzheng(Map.of(), "--help");
        assertThat(top.code()).isZero();
        assertThat(top.out()).contains("Usage: wenzheng").contains("up ").contains("dlq ").contains("deadline").contains("chaos");
        assertThat(wenzheng(Map.of()).out()).as("no command: the same help").contains("Usage: wenzheng");
        Run up = wenzheng(Map.of(), "up", "--help");
        assertThat(up.code()).isZero();
        assertThat(up.out()).contains("--kafka-acls").contains("--trace");
        Run deadline = wenzheng(Map.of(), "deadline", "--help");
        assertThat(deadline.code()).isZero();
        assertThat(deadline.out()).contains("Usage: wenzheng deadline").contains("--received");
        for (String[] help : List.of(new String[] {"dlq", "show", "--help"}, new String[] {"hotspots", "--help"},
                new String[] {"classify", "--help"}, new String[] {"token", "-h"})) {
            Run run = wenzheng(Map.of(), help);
            assertThat(run.code()).as(String.join(" ", help)).isZero();
            assertThat(run.out()).as(String.join(" ", help)).contains("Usage: wenzheng");
        }
    }

    @Test
    void bothOptionSyntaxesGiveTheSameAnswer() throws Exception {
        Run spaced = wenzheng(Map.of(), "deadline", "--received", "2026-12-31T17:30:00+08:00");
        Run joined = wenzheng(Map.of(), "deadline", "--received=2026-12-31T17:30:00+08:00");
        assertThat(spaced.code()).isZero();
        assertThat(spaced.out()).contains("\"firstResponseDue\":").isEqualTo(joined.out());
    }

    @Test
    void mistakesAreOneLineNamingThemAndNeverAStackTrace() throws Exception {
        Run unknownCommand = wenzheng(Map.of(), "frobnicate");
        assertThat(unknownCommand.code()).isEqualTo(2);
        assertThat(unknownCommand.err()).startsWith("wenzheng: unknown command 'frobnicate'");

        Run unknownOption = wenzheng(Map.of(), "deadline", "--recieved=2026-12-31T17:30:00+08:00");
        assertThat(unknownOption.code()).isEqualTo(2);
        assertThat(unknownOption.err()).startsWith("wenzheng deadline: Unknown option: '--recieved=2026-12-31T17:30:00+08:00'");

        Run missing = wenzheng(Map.of(), "dlq", "show");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("wenzheng dlq show: Missing required parameters: 'TOPIC', 'PARTITION:OFFSET'");

        Run noBroker = wenzheng(Map.of(), "dlq", "list");
        assertThat(noBroker.code()).isEqualTo(1);
        assertThat(noBroker.err().strip()).startsWith("wenzheng dlq list: no Kafka broker answers on 127.0.0.1:").hasLineCount(1);

        Run noSuite = wenzheng(Map.of(), "token", "operator1");
        assertThat(noSuite.code()).isEqualTo(1);
        assertThat(noSuite.err().strip()).startsWith("wenzheng token: no Keycloak answers").hasLineCount(1);

        Run badVariable = wenzheng(Map.of("WENZHENG_KAFKA_PORT", "nineteen"), "dlq", "list");
        assertThat(badVariable.code()).isEqualTo(2);
        assertThat(badVariable.err().strip()).isEqualTo("wenzheng dlq list: WENZHENG_KAFKA_PORT must be a whole number, not 'nineteen'");

        // Not `bench --rate=fast`: in `mvn verify` the bench module is built after this one, so the script would first
        // build the whole suite again (80 s) before it could parse the option.
        Run badNumber = wenzheng(Map.of(), "hotspots", "--growth=fast");
        assertThat(badNumber.code()).isEqualTo(2);
        assertThat(badNumber.err()).startsWith("wenzheng hotspots: Invalid value for option '--growth': 'fast' is not a double");

        for (Run run : List.of(unknownCommand, unknownOption, missing, noBroker, noSuite, badVariable, badNumber)) {
            assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    /**
     * A stop while Keycloak is still starting (its kc.sh and JVM already running) stops everything: before, such an
     * interrupt left kc.sh and Keycloak's JVM behind. And a port someone else holds is named, with its holder, before
     * anything starts.
     */
    @Test
    void aStopDuringKeycloaksStartLeavesNothingRunningAndABusyPortIsNamed() throws Exception {
        Path runDir = Path.of("target", "cli-run").toAbsolutePath();
        Map<String, String> env = Map.of("WENZHENG_RUN_DIR", runDir.toString(), "WENZHENG_PG_PORT", String.valueOf(Ports.free()),
                "WENZHENG_KAFKA_PORT", String.valueOf(Ports.free()), "WENZHENG_KEYCLOAK_PORT", String.valueOf(Ports.free()));
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("wenzheng").toString(), "stack").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(Path.of("target", "cli-stack.log").toFile());
        builder.environment().putAll(env);
        Process stack = builder.start();
        java.util.Set<ProcessHandle> started = new java.util.HashSet<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        boolean keycloakJvm = false;
        while (!keycloakJvm && System.nanoTime() < until && stack.isAlive()) {
            Thread.sleep(200);
            stack.descendants().forEach(started::add);
            keycloakJvm = stack.descendants().anyMatch(h -> h.info().commandLine().map(c -> c.contains("java") && c.contains("keycloak")
                    && !c.contains("kc.sh")).orElse(false));
        }
        assertThat(keycloakJvm).as("Keycloak's JVM started under the launcher").isTrue();
        assertThat(Ports.listening(Integer.parseInt(env.get("WENZHENG_KEYCLOAK_PORT")))).as("Keycloak not yet up").isFalse();
        try {
            // SIGTERM, as a terminal's Ctrl-C (SIGINT) reaches the same shutdown hook; a build started in the background
            // by a non-interactive shell runs with SIGINT ignored, so SIGINT would not reach it here at all.
            new ProcessBuilder("kill", "-TERM", String.valueOf(stack.pid())).start().waitFor();
            assertThat(stack.waitFor(120, TimeUnit.SECONDS)).as("the launcher stops").isTrue();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(started).as("PostgreSQL, Kafka, kc.sh and Keycloak's JVM").hasSizeGreaterThanOrEqualTo(3)
                            .noneMatch(ProcessHandle::isAlive));
        } finally {
            started.forEach(ProcessHandle::destroyForcibly);
            stack.destroyForcibly();
        }

        try (var held = new java.net.ServerSocket(Integer.parseInt(env.get("WENZHENG_KAFKA_PORT")), 1, java.net.InetAddress.getLoopbackAddress())) {
            Run busy = wenzheng(env, "stack");
            assertThat(busy.code()).isEqualTo(1);
            assertThat(busy.err().strip()).hasLineCount(1)
                    .startsWith("wenzheng stack: port " + held.getLocalPort() + " for Kafka (WENZHENG_KAFKA_PORT) is held by pid "
                            + ProcessHandle.current().pid());
        }
    }
}
