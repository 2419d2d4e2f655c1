package io.wenzheng.devstack;

import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.kafka.KafkaBroker;
import io.wenzheng.devstack.postgres.PostgresServer;
import io.wenzheng.devstack.postgres.ServiceDatabase;
import io.wenzheng.devstack.process.ChildProcesses;
import io.wenzheng.devstack.process.Ports;
import io.wenzheng.devstack.suite.ServiceName;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The real infrastructure of the suite on loopback: one Kafka broker and one PostgreSQL server with a database per
 * service. Tests, the launcher and the benchmarks all start it through this class.
 */
public final class DevStack implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DevStack.class.getName());
    private static DevStack shared;

    private final Settings settings;
    private final ChildProcesses children;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final Thread shutdownHook;

    /** Where the stack keeps its files and which ports it takes. */
    public record Settings(Path workDir, int kafkaPort, int postgresPort, int partitions) {

        /** Fixed default ports, overridable by environment: what {@code ./wenzheng up} uses. */
        public static Settings defaults(Path workDir) {
            return new Settings(workDir, env("WENZHENG_KAFKA_PORT", 19092), env("WENZHENG_PG_PORT", 15432),
                    env("WENZHENG_PARTITIONS", 6));
        }

        /** Free ports, so that test runs never collide with a running suite or with each other. */
        public static Settings forTests(Path workDir) {
            return new Settings(workDir, Ports.free(), Ports.free(), env("WENZHENG_PARTITIONS", 6));
        }

        private static int env(String name, int fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }

    private DevStack(Settings settings) {
        this.settings = settings;
        this.children = new ChildProcesses(settings.workDir());
        this.kafka = new KafkaBroker(settings.workDir(), settings.kafkaPort(), children);
        this.postgres = new PostgresServer(settings.workDir(), settings.postgresPort(), children);
        this.shutdownHook = new Thread(this::close, "dev-stack-shutdown");
    }

    public static DevStack start(Settings settings) {
        DevStack stack = new DevStack(settings);
        int reaped = stack.children.reapLeftovers();
        if (reaped > 0) {
            LOG.warning("stopped " + reaped + " process(es) left running by an earlier crashed run in " + settings.workDir());
        }
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            long begin = System.nanoTime();
            stack.postgres.start(ServiceDatabase.suite());
            stack.kafka.start(settings.partitions());
            stack.kafka.createTopics(Topics.coreWithDeadLetters(), settings.partitions());
            LOG.info(String.format("dev stack ready in %d ms: kafka %s, postgres 127.0.0.1:%d",
                    (System.nanoTime() - begin) / 1_000_000, stack.kafka.bootstrapServers(), stack.postgres.port()));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** One stack per JVM, stopped when the JVM exits: what test resources share. */
    public static synchronized DevStack shared() {
        if (shared == null) {
            shared = start(Settings.forTests(Path.of("target", "dev-stack").toAbsolutePath()));
        }
        return shared;
    }

    public Settings settings() {
        return settings;
    }

    public ChildProcesses children() {
        return children;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** Quarkus configuration that points one service at this stack. */
    public Map<String, String> configFor(ServiceName service) {
        ServiceDatabase db = ServiceDatabase.forService(service.id());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.datasource.password", db.password());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(db.name()));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(db.name()));
        return config;
    }

    /** For callers that stop things in their own order (services before the broker they depend on). */
    public DevStack withoutShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // too late to matter
        }
        return this;
    }

    @Override
    public synchronized void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already inside the hook
        }
    }
}
