package io.wenzheng.devstack;

import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.identity.KeycloakServer;
import io.wenzheng.devstack.kafka.KafkaBroker;
import io.wenzheng.devstack.kafka.KafkaPrincipal;
import io.wenzheng.devstack.postgres.PostgresServer;
import io.wenzheng.devstack.postgres.ServiceDatabase;
import io.wenzheng.devstack.process.ChildProcesses;
import io.wenzheng.devstack.process.Ports;
import io.wenzheng.devstack.suite.ServiceName;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The real infrastructure of the suite on loopback: one Kafka broker and one PostgreSQL server with a database per
 * service. Tests, the launcher and the benchmarks all start it through this class.
 */
public final class DevStack implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DevStack.class.getName());
    private static DevStack shared;
    private static final String SUPER_USER_DEV_PASSWORD = "admin-dev-secret";
    private java.util.List<KafkaPrincipal> principals = java.util.List.of();

    private final Settings settings;
    private final ChildProcesses children;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final Thread shutdownHook;
    private volatile KeycloakServer identity;

    /** Where the stack keeps its files and which ports it takes. */
    /**
     * @param kafkaUsers Strimzi KafkaUser resources whose principals and ACLs the broker enforces over SASL/SCRAM,
     *                   or null for an open broker
     */
    public record Settings(Path workDir, int kafkaPort, int postgresPort, int keycloakPort, int partitions, Path kafkaUsers) {

        public Settings(Path workDir, int kafkaPort, int postgresPort, int keycloakPort, int partitions) {
            this(workDir, kafkaPort, postgresPort, keycloakPort, partitions, null);
        }

        /** The broker as production runs it: SASL/SCRAM, a principal per service and unit, ACLs from deploy/k8s. */
        public Settings withKafkaAcls(Path strimziUsers) {
            return new Settings(workDir, kafkaPort, postgresPort, keycloakPort, partitions, strimziUsers);
        }

        /** Fixed default ports, overridable by environment: what {@code ./wenzheng up} uses. */
        public static Settings defaults(Path workDir) {
            return new Settings(workDir, env("WENZHENG_KAFKA_PORT", 19092), env("WENZHENG_PG_PORT", 15432),
                    env("WENZHENG_KEYCLOAK_PORT", 18180), env("WENZHENG_PARTITIONS", 6));
        }

        /** Free ports, so that test runs never collide with a running suite or with each other. */
        public static Settings forTests(Path workDir) {
            return new Settings(workDir, Ports.free(), Ports.free(), Ports.free(), env("WENZHENG_PARTITIONS", 6));
        }

        private static int env(String name, int fallback) {
            return io.wenzheng.cli.Cli.envInt(name, fallback);
        }
    }

    private DevStack(Settings settings) {
        this.settings = settings;
        this.children = new ChildProcesses(settings.workDir());
        this.kafka = new KafkaBroker(settings.workDir(), settings.kafkaPort(), children);
        if (settings.kafkaUsers() != null) {
            kafka.secured(SUPER_USER_DEV_PASSWORD);
        }
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
            if (settings.kafkaUsers() != null) {
                stack.principals = KafkaPrincipal.fromStrimziUsers(settings.kafkaUsers());
                stack.kafka.grant(stack.principals);
                LOG.info("kafka: SASL/SCRAM with ACLs for " + stack.principals.stream().map(KafkaPrincipal::name).toList());
            }
            LOG.info(String.format("dev stack ready in %d ms: kafka %s, postgres 127.0.0.1:%d",
                    (System.nanoTime() - begin) / 1_000_000, stack.kafka.bootstrapServers(), stack.postgres.port()));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Starts a real Keycloak with the realm file beside the stack. Services configured afterwards by
     * {@link #configFor} verify its tokens; without it they run with no token verifier, which only tests use.
     */
    public KeycloakServer startIdentity(Path realmFile, java.time.Duration timeout) {
        KeycloakServer server;
        synchronized (this) {
            if (identity != null) {
                return identity;
            }
            // Known before it starts: a Ctrl-C during Keycloak's start-up must stop kc.sh and its JVM too.
            server = new KeycloakServer(settings.workDir(), settings.keycloakPort(), realmFile, children);
            identity = server;
        }
        try {
            return server.start(timeout);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public java.util.Optional<KeycloakServer> identity() {
        return java.util.Optional.ofNullable(identity);
    }

    /** One stack per JVM, stopped when the JVM exits: what test resources share. */
    /** Every unit's feed and command topic in a directory file; none when there is no such file. */
    static List<String> demoUnitTopics(Path directory) {
        if (!java.nio.file.Files.exists(directory)) {
            return List.of();
        }
        try {
            var units = io.wenzheng.contracts.EventJson.mapper().readTree(directory.toFile()).path("units");
            List<String> topics = new java.util.ArrayList<>();
            units.forEach(u -> {
                topics.add(Topics.unitFeed(u.path("code").asText()));
                topics.add(Topics.unitCommands(u.path("code").asText()));
            });
            return topics;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + directory, e);
        }
    }

    public static synchronized DevStack shared() {
        if (shared == null) {
            shared = start(Settings.forTests(Path.of("target", "dev-stack").toAbsolutePath()));
            // In the suite routing creates each unit's feed and command topic as the directory names it; a service's
            // own tests have no routing, so the demo directory's units get theirs here.
            shared.kafka.createTopics(demoUnitTopics(Path.of("..", "deploy", "demo", "directory.json")), 1);
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
        principals.stream().filter(p -> p.name().equals(service.id())).findFirst()
                .ifPresent(p -> kafka.clientSecurity(p.name(), p.devPassword()).forEach((k, v) -> config.put("kafka." + k, v.toString())));
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.datasource.password", db.password());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(db.name()));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(db.name()));
        // No tracing backend on a laptop: the OTLP exporter stays quiet (the suite logs spans instead, see Suite).
        config.put("quarkus.log.category.\"io.opentelemetry.exporter.internal\".level", "OFF");
        if (identity != null) {
            config.put("quarkus.oidc.tenant-enabled", "true");
            config.put("quarkus.oidc.auth-server-url", identity.issuer());
        }
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
        if (identity != null) {
            identity.close();
        }
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
