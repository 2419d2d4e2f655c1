package example.department;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "department", mixinStandardHelpOptions = true,
        description = {"A department's own system on Wenzheng's Kafka: reads the unit's feed, signs for each new case and "
                + "resolves it with a reply, through the unit's command topic. See docs/departments.md."})
public final class Main implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "UNIT", description = "the unit's code in the directory, e.g. A3")
    String unit;
    @Option(names = "--bootstrap", description = "the broker (default: ${DEFAULT-VALUE}, the one './wenzheng up' runs)")
    String bootstrap = "127.0.0.1:" + System.getenv().getOrDefault("WENZHENG_KAFKA_PORT", "19092");
    @Option(names = "--user", description = "SASL/SCRAM user, the unit's KafkaUser (e.g. unit-a3); none for a broker without ACLs")
    String user;
    @Option(names = "--password-env", description = "environment variable holding the user's password (default: ${DEFAULT-VALUE})")
    String passwordEnv = "WENZHENG_UNIT_PASSWORD";
    @Option(names = "--reply", description = "what each citizen is told when a case is resolved (default: ${DEFAULT-VALUE})")
    String reply = "您反映的问题已由本单位核查处理，感谢您的监督。";
    @Option(names = "--watch", description = "only print the feed; send no commands")
    boolean watch;
    @Option(names = "--stop-after", description = "stop after resolving this many cases (default: run until Ctrl-C)")
    int stopAfter;
    @Option(names = "--timeout", description = "stop after this long at the latest (default: ${DEFAULT-VALUE})")
    Duration timeout = Duration.ofDays(365);

    @Override
    public Integer call() throws Exception {
        String first = bootstrap.split(",")[0].strip();
        int colon = first.lastIndexOf(':');
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))), 3000);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("no Kafka broker answers on " + first + "; start the suite with './wenzheng up' or pass --bootstrap");
        }
        Map<String, Object> security = Map.of();
        if (user != null) {
            String password = System.getenv(passwordEnv);
            if (password == null) {
                throw new IllegalArgumentException("--user " + user + " needs its password in the environment variable " + passwordEnv);
            }
            security = Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";");
        }
        // A unit's principal may only use consumer groups named after it (the unit-a3. prefix in deploy/).
        String group = (user != null ? user : "unit-" + unit.toLowerCase()) + ".department-client";
        var settings = new DepartmentClient.Settings(bootstrap, unit, group, security, watch ? null : reply, stopAfter);
        try (DepartmentClient client = new DepartmentClient(settings, System.out)) {
            Runtime.getRuntime().addShutdownHook(new Thread(client::stop));
            int resolved = client.run(timeout);
            System.out.printf("[%s] resolved %d case(s)%n", unit, resolved);
        }
        return 0;
    }

    public static void main(String[] args) {
        CommandLine line = new CommandLine(new Main()).setUsageHelpWidth(120);
        line.setParameterExceptionHandler((mistake, given) -> {
            mistake.getCommandLine().getErr().println("department: " + mistake.getMessage());
            return 2;
        });
        line.setExecutionExceptionHandler((failure, where, parsed) -> {
            where.getErr().println("department: " + failure.getMessage());
            return failure instanceof IllegalArgumentException ? 2 : 1;
        });
        System.exit(line.execute(args));
    }
}
