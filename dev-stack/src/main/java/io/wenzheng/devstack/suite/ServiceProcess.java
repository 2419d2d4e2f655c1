package io.wenzheng.devstack.suite;

import io.wenzheng.devstack.process.ChildProcesses;
import io.wenzheng.devstack.process.JavaCommand;
import io.wenzheng.devstack.process.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service jar running as its own process, as it would in production. */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceName service;
    private final String instance;
    private final Path jar;
    private final int port;
    private final Path logFile;
    private final Path workDir;
    private final ChildProcesses children;
    private final Map<String, String> config;
    private final List<String> jvmOptions;
    private Process process;

    /**
     * Quick start-up over peak speed: right for a developer's suite and for tests, not for benchmarks. No perf data:
     * the JVM would otherwise sample its counters into a shared-memory file every 50 ms, for jstat, which nobody runs.
     */
    public static final List<String> DEVELOPMENT_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    /**
     * As deploy/k8s runs them (JVM ergonomics pick the serial collector in a container of 2 CPUs or fewer). C1 only: on
     * two shared cores C2's compiler threads took a third of each service's CPU for minutes after a start, and with
     * them the suite carried 2–31 petitions/s where C1 alone carried 38–39 (docs/performance.md, 2026-12-06).
     */
    public static final List<String> PRODUCTION_JVM = List.of("-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=160m",
            "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    ServiceProcess(ServiceName service, String instance, Path jar, int port, Path workDir, ChildProcesses children,
                   Map<String, String> config, List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.service = service;
        this.instance = instance;
        this.jar = jar;
        this.port = port;
        this.workDir = workDir;
        this.logFile = workDir.resolve("logs").resolve(instance + ".log");
        this.children = children;
        this.config = config;
    }

    public ServiceName service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    /** The exit code once the process has ended. */
    public java.util.OptionalInt exitCode() {
        return process == null || process.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(process.exitValue());
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public ServiceProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the suite with 'mvn -DskipTests package' first");
        }
        try {
            Files.createDirectories(logFile.getParent());
            List<String> command = new ArrayList<>(List.of(JavaCommand.java(), "-Xmx" + service.heap()));
            command.addAll(jvmOptions);
            command.addAll(classDataSharing());
            // Loopback only: the dev profile carries demo accounts and credentials, not for the machine's network.
            command.addAll(List.of("-Ddevstack.workdir=" + workDir, "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command);
            // The dev profile carries the demo channel accounts; in any other profile a service refuses them.
            builder.environment().put("QUARKUS_PROFILE", "dev");
            // glibc gives each thread that mallocs an arena of its own, up to 8 per core: native memory the JVM never
            // asked for, and the largest share of a service's RSS above its heap under load. Two are enough.
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            // Environment, not -D: secrets stay out of the process list.
            config.forEach((k, v) -> builder.environment().put(environmentName(k), v));
            process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            children.adopt(instance, process.pid(), "TERM", workDir.toString());
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + service.module(), e);
        }
    }

    private List<String> classDataSharing() {
        // A recording is written at exit too; with an archive after it, a stop under load outlasted the 20 s grace and
        // the SIGKILL took both. So a profiled run maps an archive that exists but writes none (and the JVM refuses to
        // write one with a native agent such as async-profiler loaded: "CDS dumping does not support native JVMTI agent").
        boolean profiled = jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:StartFlightRecording") || o.startsWith("-agentpath:"));
        return classDataSharing("on".equalsIgnoreCase(System.getenv().getOrDefault("WENZHENG_CDS", "off")), !profiled, jar, instance);
    }

    /**
     * Class data sharing from an archive of this instance's own classes (JDK 17's dynamic archive): the first run of a
     * build writes it when the service stops gracefully; later runs map it instead of parsing and linking some 20,000
     * classes into metaspace again. A rebuilt jar is newer than its archive, so the archive is written afresh; the JVM
     * itself refuses an archive whose jar changed and runs without it. The {@code wenzheng} script turns it on
     * ({@code WENZHENG_CDS=on}, unless set otherwise); builds' tests leave it off: their jars are new, so most of their
     * graceful stops would spend seconds writing an archive of about 100 MB that few starts would use.
     */
    static List<String> classDataSharing(boolean enabled, boolean mayWrite, Path jar, String instance) {
        if (!enabled) {
            return List.of();
        }
        Path archive = jar.getParent().resolve("cds").resolve(instance + ".jsa");
        try {
            if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
            if (!mayWrite) {
                return List.of();
            }
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(archive);
            // The dump's notes (classes it skips) would fill the service's log at every stop.
            return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        } catch (IOException e) {
            return List.of(); // no archive is slower to start, never wrong
        }
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /** Blocks until the service's readiness check (Kafka and database included) says UP. */
    public void awaitReady(Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            if (!alive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue() + "; see " + logFile);
            }
            if (ready()) {
                java.util.OptionalLong holder = Ports.holderPid(port);
                if (holder.isPresent() && holder.getAsLong() != process.pid()) {
                    throw new IllegalStateException(service.module() + "'s port " + port + " is answered by "
                            + Ports.holder(port).orElse("another process") + ", not by pid "
                            + process.pid() + "; see " + logFile);
                }
                return;
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException(service.module() + " not ready after " + timeout + "; see " + logFile);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no goodbye. What a crash looks like. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forget(instance);
    }

    @Override
    public void close() {
        if (alive()) {
            ChildProcesses.stop(process.toHandle(), Duration.ofSeconds(20));
        }
        children.forget(instance);
    }
}
