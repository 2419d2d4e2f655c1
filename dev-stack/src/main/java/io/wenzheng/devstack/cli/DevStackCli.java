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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import io.wenzheng.cli.Cli;
import io.wenzheng.devstack.process.Ports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The commands of {@code ./wenzheng} that run here (up, stack, down, status, token, dlq), and the help of all of them.
 * Commands that live in other modules (classify, deadline, hotspots, the benchmarks, chaos) are run by the script
 * with their own module's class path; they parse the same way, through {@link Cli}.
 */
@Command(name = "wenzheng", mixinStandardHelpOptions = true, version = "wenzheng 0.1.0",
        description = "Wenzheng's command line: the suite on this machine, its tools and benchmarks.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {"Commands run by the script with their own module (each has --help):",
                "  build            rebuild the jars (./wenzheng up also rebuilds when sources are newer than the jars)",
                "  test             run every test (mvn verify)",
                "  train            train the category classifier from ../shared/data/petitions-labelled.tsv",
                "  classify         TSV (id, subject, body) on stdin -> id, category, confidence on stdout",
                "  subcategories    write the level-2 cues from ../shared/data/taxonomy.tsv",
                "  deadline         first-response and resolution deadlines for given instants",
                "  hotspots         rank the hot issues of petitions (TSV) and replay them for surges; writes docs/hotspots.md",
                "  hotspots-tune    cross-validate the hot-issue settings on ../shared/data and print the figures",
                "  bench            end-to-end benchmark: latency per stage, throughput, a burst, RSS, the broker's ceiling",
                "  classify-bench   model load time, latency and throughput of the classifier",
                "  timer-bench      deadline firing lateness and throughput, against Quartz",
                "  dashboard-bench  fill analytics with millions of petitions; dashboard query latency",
                "  chaos            load the suite while SIGKILLing services, the broker and PostgreSQL; reconcile",
                "  department UNIT  a department's own system on Kafka (examples/department-client): signs for and",
                "                   resolves the unit's cases through its feed and command topic",
                "",
                "Environment: WENZHENG_KAFKA_PORT (19092), WENZHENG_PG_PORT (15432), WENZHENG_KEYCLOAK_PORT (18180),",
                "  WENZHENG_PORT_OFFSET (0: services on 8081-8084), WENZHENG_PARTITIONS (6), WENZHENG_DIRECTORY,",
                "  WENZHENG_KAFKA_ADMIN_PASSWORD (dlq against a broker started with --kafka-acls)"},
        subcommands = {DevStackCli.Up.class, DevStackCli.StackOnly.class, DevStackCli.Down.class, DevStackCli.Status.class,
                DevStackCli.Token.class, DevStackCli.Import.class, DevStackCli.DeadLetterCommands.class, CommandLine.HelpCommand.class})
public final class DevStackCli implements Runnable {
    private static final String LAUNCHER = "launcher";
    /** The one realm file: deploy/k8s imports it too. */
    static final String REALM = RunningSuite.REALM;

    @Spec
    CommandSpec spec;

    private final Path root;
    private final Path workDir;

    DevStackCli(Path root) {
        this.root = root;
        // WENZHENG_RUN_DIR: a second suite beside the developer's own, as the command-line tests start one.
        String runDir = System.getenv("WENZHENG_RUN_DIR");
        this.workDir = runDir == null || runDir.isBlank() ? root.resolve(".wenzheng").resolve("run") : Path.of(runDir).toAbsolutePath();
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("wenzheng.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Cli.exit(new DevStackCli(root), args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start Kafka, PostgreSQL, Keycloak, an SMS gateway stub and the four services; Ctrl-C stops everything.")
    static final class Up implements Callable<Integer> {
        @ParentCommand
        DevStackCli cli;
        @Option(names = "--kafka-acls", description = "run the broker with SASL/SCRAM and the principals and ACLs of deploy/k8s")
        boolean kafkaAcls;
        @Option(names = "--trace", description = "each service also logs its spans, one line each")
        boolean trace;
        @Option(names = "--auth", hidden = true, description = "accepted for old scripts; the suite always runs with Keycloak")
        boolean auth;
        @Option(names = "--demo", description = "a living demo city: the Yinchuan-like directory, a history imported from ../shared/data "
                + "(or the bundled sample), published reports, citizens writing every few seconds and units answering")
        boolean demo;

        @Override
        public Integer call() throws Exception {
            cli.demo = demo;
            cli.up(true, kafkaAcls, trace);
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import historical petitions (TSV with a header, or JSON lines) into the running suite, with a progress bar; "
                    + "each line is imported once however often it is sent, and a crash resumes where it stopped.")
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "files in the layout of ../shared/data (petitions-replied.tsv "
                + "has replies and reply times), or JSON lines; see docs/operations.md, Importing history")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            int port = Cli.envInt("WENZHENG_KEYCLOAK_PORT", 18180);
            String intake = "http://127.0.0.1:" + (envInt("WENZHENG_PORT_OFFSET", 0) + ServiceName.INTAKE.defaultPort());
            if (!Ports.listening(port)) {
                throw new IllegalStateException("no Keycloak answers on 127.0.0.1:" + port + "; start the suite with './wenzheng up'");
            }
            Tokens tokens = new Tokens("http://127.0.0.1:" + port + "/realms/" + KeycloakServer.REALM);
            var upload = new io.wenzheng.devstack.demo.HistoryUpload(intake, () -> tokens.of("admin1"));
            int rejected = 0;
            for (Path file : files) {
                say("importing " + file);
                boolean terminal = System.console() != null;
                var done = upload.importFile(Files.readString(file), java.time.Duration.ofHours(6), p -> {
                    if (terminal) {
                        System.out.print("\r" + p.bar());
                    } else if (p.done()) {
                        System.out.println(p.bar());
                    }
                });
                if (terminal) {
                    System.out.println();
                }
                rejected += done.rejected();
                done.rejections().forEach(r -> say(String.format("  line %d rejected: %s", r.path("line").asInt(), r.path("reason").asText())));
                say(String.format("%s: %d imported, %d already there, %d rejected (job %s)", file.getFileName(), done.imported(),
                        done.duplicates(), done.rejected(), done.jobId()));
            }
            return rejected == 0 ? 0 : 2;
        }
    }

    @Command(name = "stack", mixinStandardHelpOptions = true,
            description = "Start only Kafka, PostgreSQL and Keycloak, for running a service in Quarkus dev mode or an IDE.")
    static final class StackOnly implements Callable<Integer> {
        @ParentCommand
        DevStackCli cli;
        @Option(names = "--kafka-acls", description = "run the broker with SASL/SCRAM and the principals and ACLs of deploy/k8s")
        boolean kafkaAcls;

        @Override
        public Integer call() throws Exception {
            cli.up(false, kafkaAcls, false);
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop a suite left running here, also one left by a crashed run.")
    static final class Down implements Runnable {
        @ParentCommand
        DevStackCli cli;

        @Override
        public void run() {
            cli.down();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show what runs here, with memory and readiness.")
    static final class Status implements Runnable {
        @ParentCommand
        DevStackCli cli;

        @Override
        public void run() {
            cli.status();
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Print an access token of a demo user from the running Keycloak, for curl -H \"Authorization: Bearer ...\".")
    static final class Token implements Runnable {
        @Parameters(paramLabel = "USER", description = "operator1, staff-a3, staff-a-env, supervisor1, analyst1 or admin1")
        String user;

        @Override
        public void run() {
            int port = Cli.envInt("WENZHENG_KEYCLOAK_PORT", 18180);
            String issuer = "http://127.0.0.1:" + port + "/realms/" + KeycloakServer.REALM;
            if (!Ports.listening(port)) {
                throw new IllegalStateException("no Keycloak answers on 127.0.0.1:" + port + "; start the suite with './wenzheng up'"
                        + " (or set WENZHENG_KEYCLOAK_PORT)");
            }
            System.out.println(new Tokens(issuer).of(user));
        }
    }

    @Command(name = "dlq", mixinStandardHelpOptions = true,
            description = "The dead-letter topics: what is there and why, one entry in full, replay onto the original topic.",
            subcommands = {DevStackCli.DeadLetterList.class, DevStackCli.DeadLetterShow.class, DevStackCli.DeadLetterReplay.class})
    static final class DeadLetterCommands implements Runnable {
        @ParentCommand
        DevStackCli cli;

        @Override
        public void run() {
            new DeadLetterList().list(deadLetters());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every dead-letter topic with its entries and their reasons.")
    static final class DeadLetterList implements Runnable {
        @Override
        public void run() {
            list(deadLetters());
        }

        void list(io.wenzheng.devstack.kafka.DeadLetters dlq) {
            for (String topic : dlq.topics()) {
                var entries = dlq.list(topic);
                say(String.format("%-28s %d dead letter(s)", topic, entries.size()));
                for (var e : entries) {
                    say(String.format("  %-10s %-40s %-26s %s", e.position(), e.type(), e.key(), e.reason()));
                }
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One dead letter in full: reason, headers and value.")
    static final class DeadLetterShow implements Runnable {
        @Parameters(index = "0", paramLabel = "TOPIC", description = "a dead-letter topic, e.g. petition.lifecycle.dlq")
        String topic;
        @Parameters(index = "1", paramLabel = "PARTITION:OFFSET", description = "the entry's position, as 'dlq list' prints it")
        String position;

        @Override
        public void run() {
            var e = deadLetters().list(topic).stream().filter(x -> x.position().equals(position)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no entry " + position + " in " + topic));
            say("topic    " + e.dlqTopic() + " " + e.position() + " (from " + e.originalTopic() + ")");
            say("key      " + e.key());
            say("reason   " + e.reason());
            e.headers().forEach((k, v) -> say("header   " + k + ": " + v));
            say("value    " + e.value());
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Put dead letters back on their original topic; consumers skip any event they already processed.")
    static final class DeadLetterReplay implements Runnable {
        @Parameters(index = "0", paramLabel = "TOPIC", description = "a dead-letter topic, e.g. petition.lifecycle.dlq")
        String topic;
        @Parameters(index = "1", arity = "0..1", paramLabel = "PARTITION:OFFSET", description = "one entry")
        String position;
        @Option(names = "--all", description = "every entry of the topic")
        boolean all;

        @Override
        public void run() {
            if (all == (position != null)) {
                throw new IllegalArgumentException("name one entry (PARTITION:OFFSET) or --all");
            }
            int n = deadLetters().replay(topic, e -> all || e.position().equals(position));
            say("replayed " + n + " dead letter(s) from " + topic + "; consumers skip any event they already processed");
        }
    }

    static io.wenzheng.devstack.kafka.DeadLetters deadLetters() {
        int port = Cli.envInt("WENZHENG_KAFKA_PORT", 19092);
        if (!Ports.listening(port)) {
            throw new IllegalStateException("no Kafka broker answers on 127.0.0.1:" + port + "; start the suite with './wenzheng up'"
                    + " (or set WENZHENG_KAFKA_PORT)");
        }
        Map<String, Object> connection = new java.util.HashMap<>();
        connection.put("bootstrap.servers", "127.0.0.1:" + port);
        String password = System.getenv("WENZHENG_KAFKA_ADMIN_PASSWORD");
        if (password != null) { // a broker started with --kafka-acls: the dev stack's super user
            connection.put("security.protocol", "SASL_PLAINTEXT");
            connection.put("sasl.mechanism", "SCRAM-SHA-512");
            connection.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\""
                    + password + "\";");
        }
        return new io.wenzheng.devstack.kafka.DeadLetters(connection);
    }

    /** {@code up --demo}: a living demo city. */
    boolean demo;

    private void up(boolean withServices, boolean kafkaAcls, boolean trace) throws Exception {
        long begin = System.nanoTime();
        ChildProcesses children = new ChildProcesses(workDir);
        if (children.alive().containsKey(LAUNCHER)) {
            throw new IllegalStateException("a suite is already running here (pid " + children.alive().get(LAUNCHER)
                    + "); './wenzheng down' stops it");
        }
        children.reapLeftovers();
        DevStack.Settings settings = DevStack.Settings.defaults(workDir);
        int offset = envInt("WENZHENG_PORT_OFFSET", 0);
        refuseBusyPorts(settings, withServices, offset);
        Files.createDirectories(workDir.resolve("logs"));
        for (ServiceName s : ServiceName.values()) {
            Files.deleteIfExists(workDir.resolve("logs").resolve(s.id() + ".log"));
        }
        children.record(LAUNCHER, ProcessHandle.current().pid(), workDir.toString());
        // Registered before anything starts: Ctrl-C at any moment, Keycloak's start-up included, leaves nothing running.
        var stackRef = new java.util.concurrent.atomic.AtomicReference<DevStack>();
        var suiteRef = new java.util.concurrent.atomic.AtomicReference<Suite>();
        var smsRef = new java.util.concurrent.atomic.AtomicReference<SmsGatewayStub>();
        var cityRef = new java.util.concurrent.atomic.AtomicReference<io.wenzheng.devstack.demo.LiveCity>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping ...");
            if (cityRef.get() != null) {
                cityRef.get().close();
            }
            if (suiteRef.get() != null) {
                suiteRef.get().close();
            }
            if (smsRef.get() != null) {
                smsRef.get().close();
            }
            if (stackRef.get() != null) {
                stackRef.get().close();
            }
            children.reapLeftovers();
            children.forget(LAUNCHER);
            say("stopped; nothing left running");
            stopped.countDown();
        }, "wenzheng-stop"));
        say("starting Kafka, PostgreSQL and Keycloak in " + workDir);
        if (kafkaAcls) {
            // As in production: SASL/SCRAM, a principal per service and unit, the ACLs of deploy/k8s.
            settings = settings.withKafkaAcls(root.resolve("deploy/k8s/base/kafka/users.yaml"));
        }
        DevStack stack = DevStack.start(settings).withoutShutdownHook();
        stackRef.set(stack);
        Tokens tokens = new Tokens(stack.startIdentity(root.resolve(REALM), Duration.ofSeconds(180)).issuer());
        // A person watching the log wants starts, warnings and errors; span lines only when asked for.
        Suite suite = new Suite(stack, root, port -> offset + port)
                .withConfig("wenzheng.tracing.log", String.valueOf(trace));
        suiteRef.set(suite);
        // The city's SMS gateway is outside; a stub of its protocol delivers replies to hotline callers here.
        SmsGatewayStub sms = SmsGatewayStub.start(0, "wenzheng-demo-sms", DevStackCli::say);
        smsRef.set(sms);
        suite.withConfig("quarkus.rest-client.sms-gateway.url", sms.url());

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
                // A tail keeps its file open: last run's log must be gone before it looks.
                Path log = workDir.resolve("logs").resolve(s.id() + ".log");
                Files.deleteIfExists(log);
                tails.add(tail(s, log));
            }
            suite.start(Duration.ofSeconds(120));
            loadDemoDirectory(suite.url(ServiceName.ROUTING), tokens.of("admin1"), demo);
            for (ServiceName s : ServiceName.values()) {
                say(String.format("%-10s %s   (OpenAPI %s/q/swagger-ui, health %s/q/health)", s.id(), suite.url(s),
                        suite.url(s), suite.url(s)));
            }
            say("console    " + suite.url(ServiceName.ANALYTICS) + "/console/   (受理 operator1, 承办 staff-a3, 督办 supervisor1; "
                    + "dashboard " + suite.url(ServiceName.ANALYTICS) + "/dashboard/)");
            say("try:  curl -s -XPOST " + suite.url(ServiceName.INTAKE) + "/api/v1/petitions -H 'Content-Type: application/json' "
                    + "-H \"Authorization: Bearer $(./wenzheng token operator1)\" "
                    + "-d '{\"channel\":\"WEB\",\"text\":\"小区旁工地夜间施工噪音扰民\"}'");
            if (demo) {
                try {
                    var started = io.wenzheng.devstack.demo.DemoCity.start(root, new io.wenzheng.devstack.demo.DemoCity.Suite(
                            suite.url(ServiceName.INTAKE), suite.url(ServiceName.SLA), suite.url(ServiceName.ANALYTICS),
                            stack.kafka().superUserClient(), tokens::of), line -> say(line));
                    cityRef.set(started.city());
                    say("demo city ready: dashboard " + suite.url(ServiceName.ANALYTICS) + "/dashboard/ (analyst1), board and workbenches "
                            + suite.url(ServiceName.ANALYTICS) + "/console/ (supervisor1, operator1)");
                } catch (RuntimeException | IOException e) {
                    say("the demo city could not start (" + e.getMessage() + "); the suite runs on without it");
                }
            }
        }
        say(String.format("ready in %.1f s; Ctrl-C stops everything", (System.nanoTime() - begin) / 1e9));
        stopped.await();
    }

    /** Before anything starts: a port someone else holds is named with its holder, instead of a failure minutes later. */
    static void refuseBusyPorts(DevStack.Settings settings, boolean withServices, int offset) {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        ports.put("Kafka (WENZHENG_KAFKA_PORT)", settings.kafkaPort());
        ports.put("PostgreSQL (WENZHENG_PG_PORT)", settings.postgresPort());
        ports.put("Keycloak (WENZHENG_KEYCLOAK_PORT)", settings.keycloakPort());
        if (withServices) {
            for (ServiceName s : ServiceName.values()) {
                ports.put(s.id() + "-service (WENZHENG_PORT_OFFSET)", offset + s.defaultPort());
            }
        }
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> Ports.holder(port).ifPresent(holder -> busy.add(port + " for " + what + " is held by " + holder)));
        if (!busy.isEmpty()) {
            throw new IllegalStateException("port " + String.join("; port ", busy) + ". Stop it, or move the suite with the variable named");
        }
    }

    private void loadDemoDirectory(String routingUrl, String adminToken, boolean demoCity) throws IOException, InterruptedException {
        // WENZHENG_DIRECTORY picks another directory file, e.g. deploy/demo/yinchuan/directory.json.
        Path directory = root.resolve(System.getenv().getOrDefault("WENZHENG_DIRECTORY",
                demoCity ? io.wenzheng.devstack.demo.DemoCity.DIRECTORY : RunningSuite.DEMO_DIRECTORY));
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

    /** Streams a service's log to the console, one compact prefixed line at a time; checks less often while it is quiet. */
    private static Thread tail(ServiceName service, Path file) {
        Thread t = new Thread(() -> {
            String prefix = String.format("%-9s| ", service.id());
            long pause = 100;
            try {
                while (!Files.exists(file)) {
                    Thread.sleep(pause);
                }
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                    while (!Thread.currentThread().isInterrupted()) {
                        boolean printed = false;
                        if (raf.length() > raf.getFilePointer()) {
                            String line;
                            while ((line = raf.readLine()) != null) {
                                System.out.println(prefix + new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                                printed = true;
                            }
                        }
                        pause = printed ? 100 : Math.min(1_000, pause * 2);
                        Thread.sleep(pause);
                    }
                }
            } catch (IOException | InterruptedException e) {
                return;
            }
        }, "tail-" + service.id());
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static int envInt(String name, int fallback) {
        return Cli.envInt(name, fallback);
    }

    private static void say(String line) {
        System.out.println("wenzheng | " + line);
    }
}
