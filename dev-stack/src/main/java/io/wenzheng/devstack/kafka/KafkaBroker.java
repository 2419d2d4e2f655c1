package io.wenzheng.devstack.kafka;

import io.wenzheng.devstack.process.ChildProcesses;
import io.wenzheng.devstack.process.Directories;
import io.wenzheng.devstack.process.JavaCommand;
import io.wenzheng.devstack.process.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node KRaft Kafka broker in a child JVM. Its storage is formatted afresh in the work directory on
 * every start, so a stack never sees a previous run's messages.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KafkaBroker.class.getName());
    private static final String NAME = "kafka";

    private final Path dir;
    private final int port;
    private final ChildProcesses children;
    private Process process;
    /** Set for a broker with SASL/SCRAM and ACLs; the super user's password. */
    private String adminPassword;
    public static final String SUPER_USER = "admin";
    public static final String SCRAM = "SCRAM-SHA-512";

    public KafkaBroker(Path workDir, int port, ChildProcesses children) {
        this.dir = workDir.resolve("kafka");
        this.port = port;
        this.children = children;
    }

    /**
     * Turns on SASL/SCRAM authentication and the standard authorizer with no access unless an ACL grants it, as in
     * production. Call before {@link #start}.
     */
    public KafkaBroker secured(String superUserPassword) {
        this.adminPassword = superUserPassword;
        return this;
    }

    public boolean isSecured() {
        return adminPassword != null;
    }

    /** Client settings (without bootstrap servers) for a principal, empty for an open broker. */
    public Map<String, Object> clientSecurity(String user, String password) {
        if (!isSecured()) {
            return Map.of();
        }
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", SCRAM, "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";");
    }

    /** Client settings of the super user, for tools and tests that set the stage. */
    public Map<String, Object> superUserClient() {
        Map<String, Object> config = new java.util.HashMap<>(clientSecurity(SUPER_USER, adminPassword));
        config.put("bootstrap.servers", bootstrapServers());
        return config;
    }

    /** Creates each principal's SCRAM credential and ACLs. */
    public void grant(Collection<KafkaPrincipal> principals) {
        try (Admin admin = admin()) {
            List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> credentials = principals.stream()
                    .<org.apache.kafka.clients.admin.UserScramCredentialAlteration>map(p -> new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(
                            p.name(), new org.apache.kafka.clients.admin.ScramCredentialInfo(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 4096),
                            p.devPassword()))
                    .toList();
            admin.alterUserScramCredentials(credentials).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(principals.stream().flatMap(p -> p.acls().stream()).toList()).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create Kafka principals and ACLs", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public KafkaBroker start(int defaultPartitions) {
        for (int attempt = 1; ; attempt++) {
            int controllerPort = Ports.free();
            try {
                startOnce(defaultPartitions, controllerPort);
                return this;
            } catch (IllegalStateException e) {
                // The controller's port is free when picked, but another process (a parallel build's other test JVM,
                // or any client's ephemeral port) may take it before the broker binds it. A fresh port settles that.
                if (attempt < 3 && controllerPortTaken(controllerPort)) {
                    children.forget(NAME);
                    continue;
                }
                throw e;
            }
        }
    }

    private boolean controllerPortTaken(int controllerPort) {
        try {
            return Files.readString(dir.resolve("broker.log"), StandardCharsets.UTF_8)
                    .contains("failed to bind to 127.0.0.1:" + controllerPort + ": Address already in use");
        } catch (IOException unreadable) {
            return false;
        }
    }

    private void startOnce(int defaultPartitions, int controllerPort) {
        try {
            Directories.delete(dir);
            Files.createDirectories(dir.resolve("data"));
            Path config = dir.resolve("server.properties");
            Files.writeString(config, serverProperties(controllerPort, defaultPartitions), StandardCharsets.UTF_8);
            Path log4j = dir.resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J2, StandardCharsets.UTF_8);
            String classpath = brokerClasspath();
            Files.deleteIfExists(dir.resolve("broker.log"));

            List<String> format = new ArrayList<>(List.of(JavaCommand.java(), "-Xmx256m", "-cp", classpath, "-Dlog4j2.configurationFile=" + log4j,
                    // "=" form: a random id may start with "-", which the tool would take for an option.
                    "kafka.tools.StorageTool", "format", "--cluster-id=" + randomClusterId(), "-c", config.toString(), "--standalone"));
            if (isSecured()) {
                // The super user must exist before the broker authenticates its own inter-broker connection.
                format.addAll(List.of("--add-scram", SCRAM + "=[name=" + SUPER_USER + ",password=" + adminPassword + "]"));
            }
            run(format, dir.resolve("format.log"));
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Kafka broker in " + dir, e);
        }
    }

    /** Stops the broker process but keeps its storage, as an outage would. */
    public void stopKeepingData() {
        if (process != null && process.isAlive()) {
            ChildProcesses.stop(process.toHandle(), Duration.ofSeconds(30));
        }
        children.forget(NAME);
    }

    /** SIGKILL: the broker gets no chance to close its logs; {@link #restart()} recovers them as after a crash. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        children.forget(NAME);
    }

    /** Starts the broker again on the same port and storage after {@link #stopKeepingData()} or {@link #kill()}. */
    public void restart() {
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart Kafka broker in " + dir, e);
        }
    }

    private void launch() throws IOException {
        Path config = dir.resolve("server.properties");
            Path log4j = dir.resolve("log4j2.properties");
        String classpath = brokerClasspath();
        // C1 only, as the services: a profile of the bench's broker found its C2 compiler threads at half of its CPU
        // for the minutes after a start, and the dev stack's broker lives for a test run or a developer's session.
        List<String> command = new ArrayList<>(List.of(JavaCommand.java(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1",
                "-Ddevstack.workdir=" + dir, "-Dlog4j2.configurationFile=" + log4j,
                "-Dkafka.logs.dir=" + dir.resolve("logs"), "-cp", classpath, "kafka.Kafka", config.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                .start();
        children.adopt(NAME, process.pid(), "TERM", dir.toString());
        Ports.awaitListening(port, Duration.ofSeconds(60), process, "Kafka broker (see " + dir.resolve("broker.log") + ")");
        awaitMetadata();
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + topics, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + topics, e);
        }
    }

    /** An admin client; on a secured broker, the super user's. */
    public Admin admin() {
        Map<String, Object> config = new java.util.HashMap<>(superUserClient());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(config);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            ChildProcesses.stop(process.toHandle(), Duration.ofSeconds(30));
        }
        children.forget(NAME);
    }

    private void awaitMetadata() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > until || !process.isAlive()) {
                    throw new IllegalStateException("Kafka broker not ready: " + e, e);
                }
            }
        }
    }

    private String serverProperties(int controllerPort, int partitions) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        String client = isSecured() ? "SASL_PLAINTEXT" : "PLAINTEXT";
        p.setProperty("listeners", client + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", client + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", client);
        p.setProperty("listener.security.protocol.map", client + ":" + client + ",CONTROLLER:PLAINTEXT");
        if (isSecured()) {
            p.setProperty("sasl.enabled.mechanisms", SCRAM);
            p.setProperty("sasl.mechanism.inter.broker.protocol", SCRAM);
            p.setProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + SUPER_USER
                            + "\" password=\"" + adminPassword + "\";");
            p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            p.setProperty("allow.everyone.if.no.acl.found", "false");
            // ANONYMOUS is the controller listener's principal (loopback, plaintext, never offered to clients).
            p.setProperty("super.users", "User:" + SUPER_USER + ";User:ANONYMOUS");
        }
        p.setProperty("log.dirs", dir.resolve("data").toString());
        p.setProperty("num.partitions", Integer.toString(partitions));
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The controller appends a no-op record to the metadata log every 500 ms by default, idle or not.
        p.setProperty("metadata.max.idle.interval.ms", "5000");
        p.setProperty("auto.create.topics.enable", "false"); // as in production: topics are created on purpose
        p.setProperty("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        StringBuilder out = new StringBuilder();
        p.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    private static void run(List<String> command, Path logFile) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("command failed: " + String.join(" ", command.subList(command.size() - 6, command.size()))
                        + "\n" + Files.readString(logFile));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The broker's classpath, resolved at build time; the broker never shares the caller's classpath. */
    static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/io/wenzheng/devstack/broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("broker.classpath missing: build dev-stack with Maven first");
            }
            String deps = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return deps;
        }
    }

    private static String randomClusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static final String LOG4J2 = """
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n
            rootLogger.level = WARN
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.kafka.name = kafka
            logger.kafka.level = WARN
            logger.server.name = kafka.server.KafkaRaftServer
            logger.server.level = INFO
            """;
}
