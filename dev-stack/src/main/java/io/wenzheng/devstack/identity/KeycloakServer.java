package io.wenzheng.devstack.identity;

import io.wenzheng.devstack.process.ChildProcesses;
import io.wenzheng.devstack.process.Directories;
import io.wenzheng.devstack.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak (the Quarkus distribution from Maven Central) on loopback, with the {@code wenzheng} realm imported
 * from {@code deploy/keycloak/wenzheng-realm.json}: the same file production imports, demo users included.
 *
 * <p>The distribution is unpacked once per user into {@code ~/.cache/wenzheng}; every start uses an in-memory
 * database ({@code dev-mem}), so each run begins from the realm file and nothing else.
 */
public final class KeycloakServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KeycloakServer.class.getName());
    public static final String VERSION = "26.7.3";
    public static final String REALM = "wenzheng";
    private static final String NAME = "keycloak";
    /** Development values for the realm file's secret placeholders; production injects its own. */
    private static final Map<String, String> DEV_SECRETS = Map.of(
            "WENZHENG_INTAKE_SERVICE_SECRET", "intake-dev-secret",
            "WENZHENG_ROUTING_SERVICE_SECRET", "routing-dev-secret",
            "WENZHENG_SLA_SERVICE_SECRET", "sla-dev-secret",
            "WENZHENG_ANALYTICS_SERVICE_SECRET", "analytics-dev-secret",
            "WENZHENG_DEPT_A3_SECRET", "dept-a3-dev-secret",
            "WENZHENG_DEPT_A_ENV_SECRET", "dept-a-env-dev-secret");

    private final Path workDir;
    private final int port;
    private final Path realmFile;
    private final ChildProcesses children;
    // Written by start, read by close from a shutdown hook.
    private volatile Process process;
    private volatile boolean closed;

    public KeycloakServer(Path workDir, int port, Path realmFile, ChildProcesses children) {
        this.workDir = workDir.resolve("keycloak");
        this.port = port;
        this.realmFile = realmFile;
        this.children = children;
    }

    /** The issuer every token carries and every service checks. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The development secret of a confidential client (a department system's service account, say). */
    public static String devSecret(String clientId) {
        return DEV_SECRETS.get("WENZHENG_" + clientId.toUpperCase().replace('-', '_') + "_SECRET");
    }

    public KeycloakServer start(Duration timeout) {
        long begin = System.nanoTime();
        try {
            Path home = unpackedDistribution();
            Files.createDirectories(workDir);
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Path log = workDir.resolve("keycloak.log");
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--db=dev-mem", "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + Ports.free(), "--hostname=" + baseUrl(), "--health-enabled=true",
                    "--log-level=WARN,org.keycloak.exportimport:INFO,io.quarkus:INFO"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            Map<String, String> env = builder.environment();
            env.putAll(DEV_SECRETS);
            newestJdk().ifPresent(jdk -> env.put("JAVA_HOME", jdk.toString()));
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            env.put("JAVA_OPTS_APPEND", "-XX:-UsePerfData");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-dev-only");
            process = builder.start();
            children.adopt(NAME, process.pid(), "TERM", home.toString());
            if (closed) { // stopped while the distribution was still unpacking
                close();
                throw new IllegalStateException("keycloak: stopped during start-up");
            }
            awaitRealm(timeout, log);
            // kc.sh runs the server JVM as its child: that JVM is what a watchdog must stop if this one dies.
            process.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst()
                    .ifPresent(server -> children.adopt(NAME + "-server", server.pid(), "TERM", home.toString()));
            LOG.info(String.format("keycloak %s ready in %.1f s at %s (realm from %s)", VERSION,
                    (System.nanoTime() - begin) / 1e9, issuer(), realmFile));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
    }

    private void awaitRealm(Duration timeout, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("Keycloak not ready within " + timeout + "; see " + log);
    }

    /** Keycloak 26 wants Java 21; the build JDK may be 17, so a newer JDK on the machine is preferred. */
    static Optional<Path> newestJdk() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (var dirs = Files.list(jvms)) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")))
                    .filter(d -> featureVersion(d) >= 21)
                    .max(Comparator.comparingInt(KeycloakServer::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring(line.indexOf('"') + 1);
                    return Integer.parseInt(v.split("[.\"]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK we can read
        }
        return 0;
    }

    /** Unpacks the distribution once per user; Maven fetches the zip into the local repository when it is missing. */
    static synchronized Path unpackedDistribution() throws IOException {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "wenzheng");
        Path home = cache.resolve("keycloak-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = distributionZip();
        // Per process: two JVMs unpacking at once (a test run and ./wenzheng up) must not trample each other.
        Path partial = cache.resolve("keycloak-" + VERSION + ".partial-" + ProcessHandle.current().pid());
        Directories.delete(partial);
        Files.createDirectories(partial);
        LOG.info("unpacking " + zip + " into " + home);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            String prefix = "keycloak-" + VERSION + "/";
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length()) : entry.getName();
                Path target = partial.resolve(name).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("zip entry outside the distribution: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (String script : List.of("kc.sh", "kcadm.sh", "kcreg.sh")) {
            Path s = partial.resolve("bin").resolve(script);
            if (Files.exists(s)) {
                s.toFile().setExecutable(true);
            }
        }
        try {
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException anotherWasFaster) {
            Directories.delete(partial);
        }
        return home;
    }

    private static Path distributionZip() throws IOException {
        Path repo = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path zip = repo.resolve("org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".zip");
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        LOG.info("fetching Keycloak " + VERSION + " (about 160 MB) from Maven Central");
        Process mvn = new ProcessBuilder("mvn", "-B", "-ntp", "dependency:get", "-Dtransitive=false",
                "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        try {
            if (mvn.waitFor() != 0 || !Files.isRegularFile(zip)) {
                throw new IOException("mvn dependency:get could not fetch the Keycloak distribution into " + zip);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return zip;
    }

    @Override
    public void close() {
        closed = true;
        if (process != null) {
            process.descendants().forEach(child -> ChildProcesses.stop(child, Duration.ofSeconds(20)));
            if (process.isAlive()) {
                ChildProcesses.stop(process.toHandle(), Duration.ofSeconds(20));
            }
        }
        children.forget(NAME);
        children.forget(NAME + "-server");
    }
}
