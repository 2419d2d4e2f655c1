package io.wenzheng.devstack.cli;

import io.wenzheng.devstack.DevStack;
import io.wenzheng.devstack.identity.KeycloakServer;
import io.wenzheng.devstack.identity.Tokens;
import io.wenzheng.devstack.process.ChildProcesses;
import io.wenzheng.devstack.suite.ServiceName;
import io.wenzheng.devstack.suite.SmsGatewayStub;
import io.wenzheng.devstack.suite.RunningSuite;
import io.wenzheng.devstack.suite.Suite;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The command line behind {@code ./wenzheng}: up, stack, down, status. */
public final class DevStackCli {
    private static final String LAUNCHER = "launcher";
    /** The one realm file: deploy/k8s imports it too. */
    static final String REALM = RunningSuite.REALM;

    private final Path root;
    private final Path workDir;

    DevStackCli(Path root) {
        this.root = root;
        this.workDir = root.resolve(".wenzheng").resolve("run");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("wenzheng.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        DevStackCli cli = new DevStackCli(root);
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> cli.up(true, List.of(args).contains("--kafka-acls"), List.of(args).contains("--trace"));
            case "stack" -> cli.up(false, List.of(args).contains("--kafka-acls"), false);
            case "token" -> cli.token(args);
            case "dlq" -> cli.deadLetters(args);
            case "down" -> cli.down();
            case "status" -> cli.status();
            default -> {
                System.out.println("""
                        usage: wenzheng <command>
                          up       start Kafka, PostgreSQL, Keycloak and the four services; Ctrl-C stops everything
                                   (--kafka-acls: the broker with SASL/SCRAM and the ACLs of deploy/k8s;
                                    --trace: each service also logs its spans, one line each)
                          stack    start only Kafka and PostgreSQL
                          down     stop a stack left running (also one left by a crashed run)
                          status   show what runs
                          token U  print an access token of demo user U (operator1, staff-a3, supervisor1, analyst1, admin1, ...)
                          dlq [list | show TOPIC P:OFFSET | replay TOPIC (P:OFFSET | --all)]
                                   dead letters: what is there and why, one in full, put back on its topic
                        environment: WENZHENG_KAFKA_PORT (19092), WENZHENG_PG_PORT (15432), WENZHENG_KEYCLOAK_PORT (18180),
                                     WENZHENG_PARTITIONS (6)""");
                if (!command.equals("help")) {
                    System.exit(2);
                }
            }
        }
    }

    private void up(boolean withServices, boolean kafkaAcls, boolean trace) throws Exception {
        long begin = System.nanoTime();
        ChildProcesses children = new ChildProcesses(workDir);
        if (children.alive().containsKey(LAUNCHER)) {
            System.err.println("a suite is already running here (pid " + children.alive().get(LAUNCHER) + "); './wenzheng down' stops it");
            System.exit(1);
        }
        children.reapLeftovers();
        Files.createDirectories(workDir.resolve("logs"));
        for (ServiceName s : ServiceName.values()) {
            Files.deleteIfExists(workDir.resolve("logs").resolve(s.id() + ".log"));
        }
        children.record(LAUNCHER, ProcessHandle.current().pid(), workDir.toString());
        say("starting Kafka, PostgreSQL and Keycloak in " + workDir);
        DevStack.Settings settings = DevStack.Settings.defaults(workDir);
        if (kafkaAcls) {
            // As in production: SASL/SCRAM, a principal per service and unit, the ACLs of deploy/k8s.
            settings = settings.withKafkaAcls(root.resolve("deploy/k8s/base/kafka/users.yaml"));
        }
        DevStack stack = DevStack.start(settings).withoutShutdownHook();
        Tokens tokens = new Tokens(stack.startIdentity(root.resolve(REALM), Duration.ofSeconds(180)).issuer());
        // A person watching the log wants starts, warnings and errors; span lines only when asked for.
        Suite suite = new Suite(stack, root, port -> envInt("WENZHENG_PORT_OFFSET", 0) + port)
                .withConfig("wenzheng.tracing.log", String.valueOf(trace));
        // The city's SMS gateway is outside; a stub of its protocol delivers replies to hotline callers here.
        SmsGatewayStub sms = SmsGatewayStub.start(0, "wenzheng-demo-sms", DevStackCli::say);
        suite.withConfig("quarkus.rest-client.sms-gateway.url", sms.url());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping ...");
            suite.close();
            sms.close();
            stack.close();
            children.forget(LAUNCHER);
            say("stopped; nothing left running");
            stopped.countDown();
        }, "wenzheng-stop"));

        say("kafka      " + stack.kafka().bootstrapServers());
        say("postgres   127.0.0.1:" + stack.postgres().port() + " (databases intake, routing, sla, analytics)");
        say("keycloak   " + tokens.issuer() + "   (realm from " + REALM + "; admin console "
                + stack.identity().orElseThrow().baseUrl() + "/admin, admin / admin-dev-only)");
        say("sms        " + sms.url() + "   (a stub of the city's SMS gateway: replies to hotline callers land here)");
        say("demo users operator1, staff-a3, staff-a-env, supervisor1, analyst1, admin1; password demo-<user>");
        if (withServices) {
            say("starting the four services ...");
            List<Thread> tails = new ArrayList<>();
            for (ServiceName s : ServiceName.values()) {
                tails.add(tail(s, workDir.resolve("logs").resolve(s.id() + ".log")));
            }
            suite.start(Duration.ofSeconds(120));
            loadDemoDirectory(suite.url(ServiceName.ROUTING), tokens.of("admin1"));
            for (ServiceName s : ServiceName.values()) {
                say(String.format("%-10s %s   (OpenAPI %s/q/swagger-ui, health %s/q/health)", s.id(), suite.url(s),
                        suite.url(s), suite.url(s)));
            }
            say("console    " + suite.url(ServiceName.ANALYTICS) + "/console/   (受理 operator1, 承办 staff-a3, 督办 supervisor1; "
                    + "dashboard " + suite.url(ServiceName.ANALYTICS) + "/dashboard/)");
            say("try:  curl -s -XPOST " + suite.url(ServiceName.INTAKE) + "/api/v1/petitions -H 'Content-Type: application/json' "
                    + "-H \"Authorization: Bearer $(./wenzheng token operator1)\" "
                    + "-d '{\"channel\":\"WEB\",\"text\":\"小区旁工地夜间施工噪音扰民\"}'");
        }
        say(String.format("ready in %.1f s; Ctrl-C stops everything", (System.nanoTime() - begin) / 1e9));
        stopped.await();
    }

    private void token(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: wenzheng token <user>   (a demo user of the realm, e.g. operator1)");
            System.exit(2);
        }
        int port = envInt("WENZHENG_KEYCLOAK_PORT", 18180);
        System.out.println(new Tokens("http://127.0.0.1:" + port + "/realms/" + KeycloakServer.REALM).of(args[1]));
    }

    private void deadLetters(String[] args) {
        Map<String, Object> connection = new java.util.HashMap<>();
        connection.put("bootstrap.servers", "127.0.0.1:" + envInt("WENZHENG_KAFKA_PORT", 19092));
        String password = System.getenv("WENZHENG_KAFKA_ADMIN_PASSWORD");
        if (password != null) { // a broker started with --kafka-acls: the dev stack's super user
            connection.put("security.protocol", "SASL_PLAINTEXT");
            connection.put("sasl.mechanism", "SCRAM-SHA-512");
            connection.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\""
                    + password + "\";");
        }
        var dlq = new io.wenzheng.devstack.kafka.DeadLetters(connection);
        String verb = args.length > 1 ? args[1] : "list";
        switch (verb) {
            case "list" -> {
                for (String topic : dlq.topics()) {
                    var entries = dlq.list(topic);
                    say(String.format("%-28s %d dead letter(s)", topic, entries.size()));
                    for (var e : entries) {
                        say(String.format("  %-10s %-40s %-26s %s", e.position(), e.type(), e.key(), e.reason()));
                    }
                }
            }
            case "show" -> {
                var e = dlq.list(args[2]).stream().filter(x -> x.position().equals(args[3])).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no entry " + args[3] + " in " + args[2]));
                say("topic    " + e.dlqTopic() + " " + e.position() + " (from " + e.originalTopic() + ")");
                say("key      " + e.key());
                say("reason   " + e.reason());
                e.headers().forEach((k, v) -> say("header   " + k + ": " + v));
                say("value    " + e.value());
            }
            case "replay" -> {
                boolean all = args.length > 3 && args[3].equals("--all");
                int n = dlq.replay(args[2], e -> all || (args.length > 3 && e.position().equals(args[3])));
                say("replayed " + n + " dead letter(s) from " + args[2] + "; consumers skip any event they already processed");
            }
            default -> {
                System.err.println("usage: wenzheng dlq [list | show TOPIC P:OFFSET | replay TOPIC (P:OFFSET | --all)]");
                System.exit(2);
            }
        }
    }

    private void loadDemoDirectory(String routingUrl, String adminToken) throws IOException, InterruptedException {
        // WENZHENG_DIRECTORY picks another directory file, e.g. deploy/demo/yinchuan/directory.json.
        Path directory = root.resolve(System.getenv().getOrDefault("WENZHENG_DIRECTORY", RunningSuite.DEMO_DIRECTORY));
        if (!Files.exists(directory)) {
            say("no unit directory at " + directory);
            return;
        }
        say("demo unit directory " + root.relativize(directory) + ": HTTP " + RunningSuite.loadDirectory(routingUrl, adminToken, directory));
    }

    private void down() {
        ChildProcesses children = new ChildProcesses(workDir);
        Map<String, Long> alive = children.alive();
        Long launcher = alive.get(LAUNCHER);
        if (launcher != null) {
            say("stopping launcher pid " + launcher);
            ProcessHandle.of(launcher).ifPresent(h -> ChildProcesses.stop(h, Duration.ofSeconds(60)));
        }
        int reaped = children.reapLeftovers();
        say(alive.isEmpty() ? "nothing was running" : "stopped " + (reaped + (launcher == null ? 0 : 1)) + " process(es)");
    }

    private void status() {
        Map<String, Long> alive = new ChildProcesses(workDir).alive();
        if (alive.isEmpty()) {
            say("nothing runs (" + workDir + ")");
            return;
        }
        alive.forEach((name, pid) -> {
            String rss = rssOf(pid);
            String health = "";
            for (ServiceName s : ServiceName.values()) {
                if (s.id().equals(name)) {
                    health = "  ready=" + ready(envInt("WENZHENG_PORT_OFFSET", 0) + s.defaultPort());
                }
            }
            say(String.format("%-10s pid %-8d rss %s%s", name, pid, rss, health));
        });
    }

    private static boolean ready(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static String rssOf(long pid) {
        var kb = io.wenzheng.devstack.process.ProcessMemory.rssKb(pid);
        return kb.isPresent() ? (kb.getAsLong() / 1024) + " MB" : "?";
    }

    /** Streams a service's log to the console, one compact prefixed line at a time. */
    private static Thread tail(ServiceName service, Path file) {
        Thread t = new Thread(() -> {
            long position = 0;
            String prefix = String.format("%-9s| ", service.id());
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    if (Files.exists(file)) {
                        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                            raf.seek(position);
                            String line;
                            while ((line = raf.readLine()) != null) {
                                System.out.println(prefix + new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                            }
                            position = raf.getFilePointer();
                        }
                    }
                    Thread.sleep(300);
                } catch (IOException e) {
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "tail-" + service.id());
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static int envInt(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    private static void say(String line) {
        System.out.println("wenzheng | " + line);
    }
}
