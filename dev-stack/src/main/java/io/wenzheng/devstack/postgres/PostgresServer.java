package io.wenzheng.devstack.postgres;

import io.wenzheng.devstack.process.ChildProcesses;
import io.wenzheng.devstack.process.Directories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;

/**
 * A real PostgreSQL 17 server (zonky embedded binaries) with one database and one scram-sha-256 role per service.
 * Only the superuser keeps zonky's passwordless access, for administration from this JVM.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String NAME = "postgres";

    private final Path dataDir;
    private final int port;
    private final ChildProcesses children;
    private EmbeddedPostgres postgres;
    private long postmasterPid;

    public PostgresServer(Path workDir, int port, ChildProcesses children) {
        this.dataDir = workDir.resolve("postgres");
        this.port = port;
        this.children = children;
    }

    public int port() {
        return port;
    }

    public PostgresServer start(Collection<ServiceDatabase> databases) {
        try {
            Files.createDirectories(dataDir.getParent());
            Directories.delete(dataDir); // a run that restarted PostgreSQL (clean=false) leaves its directory behind
            postgres = builder().start();
            postmasterPid = postmasterPid();
            children.adopt(NAME, postmasterPid, "INT", dataDir.toString());
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                for (ServiceDatabase db : databases) {
                    s.execute("CREATE ROLE \"" + db.user() + "\" LOGIN PASSWORD '" + db.password().replace("'", "''") + "'");
                    s.execute("CREATE DATABASE \"" + db.name() + "\" OWNER \"" + db.user() + "\"");
                    s.execute("REVOKE ALL ON DATABASE \"" + db.name() + "\" FROM PUBLIC");
                }
                requirePasswords();
                s.execute("SELECT pg_reload_conf()");
            }
            return this;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start PostgreSQL in " + dataDir, e);
        }
    }

    /** SIGKILLs the postmaster and its backends, as a crash would; the data directory stays. */
    public void kill() {
        ProcessHandle.of(postmasterPid).ifPresent(postmaster -> {
            var backends = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            postmaster.onExit().join();
            backends.forEach(b -> b.onExit().join());
        });
        children.forget(NAME);
    }

    /** Starts PostgreSQL again on the same port and data directory after {@link #kill()}: crash recovery, no initdb. */
    public void restart() {
        try {
            releaseLock(postgres);
            postgres = builder().setCleanDataDirectory(false).start();
            postmasterPid = postmasterPid();
            children.adopt(NAME, postmasterPid, "INT", dataDir.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * zonky locks the data directory for the life of its instance, and the instance whose server was killed is still
     * alive in this JVM; a second instance on the directory needs that lock. zonky offers no way to give it up
     * without stopping (and deleting) the directory, hence reflection.
     */
    private static void releaseLock(EmbeddedPostgres dead) {
        try {
            var lock = EmbeddedPostgres.class.getDeclaredField("lock");
            var stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
            lock.setAccessible(true);
            stream.setAccessible(true);
            if (lock.get(dead) instanceof java.nio.channels.FileLock held) {
                held.release();
            }
            if (stream.get(dead) instanceof java.io.FileOutputStream open) {
                open.close();
            }
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("cannot release zonky's lock on the data directory", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A superuser connection, for tests that inspect or break things on purpose. */
    public Connection superuserConnection(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
                // pg_ctl may return before the postmaster has exited; callers rely on "closed" meaning gone.
                ProcessHandle.of(postmasterPid).ifPresent(h -> ChildProcesses.stop(h, Duration.ofSeconds(30)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot stop PostgreSQL", e);
            } finally {
                postgres = null;
                children.forget(NAME);
                try {
                    Directories.delete(dataDir);
                } catch (IOException e) {
                    // the next start tries again
                }
            }
        }
    }

    private EmbeddedPostgres.Builder builder() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky turns it off for speed; then a killed server forgets what it had just committed. fsync may stay
                // off: a killed process loses no data the OS already has, only a crashed machine would.
                .setServerConfig("synchronous_commit", "on")
                // Commit times let the timer benchmark measure when a firing became visible, not when it began.
                .setServerConfig("track_commit_timestamp", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dataDir.getParent().resolve("postgres.log").toFile()));
        extraSettings(System.getenv("WENZHENG_POSTGRES_SETTINGS")).forEach(builder::setServerConfig);
        return builder;
    }

    /**
     * Settings an investigation adds to the server's, as {@code name=value;name=value}: for instance
     * {@code shared_preload_libraries=pg_stat_statements} to see which statements a benchmark's time goes to.
     */
    static java.util.Map<String, String> extraSettings(String spec) {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return settings;
        }
        for (String pair : spec.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("WENZHENG_POSTGRES_SETTINGS: '" + pair + "' is not name=value");
            }
            settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return settings;
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).trim());
    }

    private void requirePasswords() throws IOException {
        Files.writeString(dataDir.resolve("pg_hba.conf"), """
                # Written by the Wenzheng dev stack: app roles must authenticate with scram-sha-256.
                local all postgres trust
                host  all postgres 127.0.0.1/32 trust
                local all all scram-sha-256
                host  all all 127.0.0.1/32 scram-sha-256
                host  all all ::1/128 scram-sha-256
                """, StandardCharsets.UTF_8);
    }
}
