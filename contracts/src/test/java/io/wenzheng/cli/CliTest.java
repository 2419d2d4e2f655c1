package io.wenzheng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class CliTest {
    @Command(name = "wenzheng demo", mixinStandardHelpOptions = true, description = "a command for the test")
    static class Demo implements Callable<Integer> {
        @Option(names = "--rate", description = "petitions per second")
        int rate = 10;
        @Parameters(arity = "1", paramLabel = "TOPIC")
        String topic;
        int ranWith;

        @Override
        public Integer call() {
            if (topic.equals("boom")) {
                throw new IllegalStateException("the broker at 127.0.0.1:19092 does not answer", new RuntimeException("inner"));
            }
            ranWith = rate;
            return 0;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void bothOptionSyntaxesWork() {
        Demo a = new Demo();
        assertThat(Cli.run(a, "--rate", "20", "t")).isZero();
        Demo b = new Demo();
        assertThat(Cli.run(b, "--rate=30", "t")).isZero();
        assertThat(a.ranWith).isEqualTo(20);
        assertThat(b.ranWith).isEqualTo(30);
    }

    @Test
    void helpExitsZeroAndListsTheOptions() {
        assertThat(Cli.run(new Demo(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: wenzheng demo").contains("--rate").contains("petitions per second");
    }

    @Test
    void anUnknownOptionOrAMissingArgumentIsOneLineNamingIt() {
        assertThat(Cli.run(new Demo(), "--rat=3", "t")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("wenzheng demo: Unknown option: '--rat=3'");
        err.reset();
        assertThat(Cli.run(new Demo())).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("wenzheng demo: Missing required parameter: 'TOPIC'");
        err.reset();
        assertThat(Cli.run(new Demo(), "--rate", "many", "t")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'many' is not an int");
    }

    @Test
    void aFailureIsOneLineWithoutAStackTrace() {
        assertThat(Cli.run(new Demo(), "boom")).isEqualTo(Cli.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("wenzheng demo: the broker at 127.0.0.1:19092 does not answer");
    }

    @Test
    void aNonNumericEnvironmentVariableIsNamed() {
        assertThat(Cli.envInt(Map.of(), "WENZHENG_KAFKA_PORT", 19092)).isEqualTo(19092);
        assertThat(Cli.envInt(Map.of("WENZHENG_KAFKA_PORT", " 29092 "), "WENZHENG_KAFKA_PORT", 19092)).isEqualTo(29092);
        assertThatThrownBy(() -> Cli.envInt(Map.of("WENZHENG_KAFKA_PORT", "abc"), "WENZHENG_KAFKA_PORT", 19092))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("WENZHENG_KAFKA_PORT must be a whole number, not 'abc'");
    }
}
