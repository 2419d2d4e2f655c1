package io.wenzheng.devstack.suite;

import io.wenzheng.devstack.DevStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/** The four service jars running against a dev stack. */
public final class Suite implements AutoCloseable {
    private final DevStack stack;
    private final Path root;
    // Synchronized: a crash harness restarts several services at once from its own threads.
    private final Map<ServiceName, ServiceProcess> services = java.util.Collections.synchronizedMap(new EnumMap<>(ServiceName.class));
    private final Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
    private final List<ServiceProcess> others = new java.util.concurrent.CopyOnWriteArrayList<>();
    private List<String> jvmOptions = ServiceProcess.DEVELOPMENT_JVM;
    // A developer's suite has no tracing backend: each service logs its spans (w.trace).
    private final Map<String, String> extraConfig = new java.util.HashMap<>(Map.of("wenzheng.tracing.log", "true"));

    /**
     * @param root the repository root, where each service's {@code target/quarkus-app} lives
     * @param portFor chooses each service's HTTP port from its default
     */
    public Suite(DevStack stack, Path root, IntUnaryOperator portFor) {
        this.stack = stack;
        this.root = root;
        for (ServiceName s : ServiceName.values()) {
            ports.put(s, portFor.applyAsInt(s.defaultPort()));
        }
        // The console is served by analytics and calls the other services from the browser, across origins.
        String console = url(ServiceName.ANALYTICS);
        extraConfig.put("quarkus.http.cors.origins", console + "," + console.replace("127.0.0.1", "localhost"));
        extraConfig.put("wenzheng.console.api.intake", url(ServiceName.INTAKE));
        extraConfig.put("wenzheng.console.api.routing", url(ServiceName.ROUTING));
        extraConfig.put("wenzheng.console.api.sla", url(ServiceName.SLA));
        // Citizens' replies link to their page on intake, as they would through the Ingress.
        extraConfig.put("wenzheng.intake.public-base-url", url(ServiceName.INTAKE));
    }

    /** The services' JVM options, instead of the development ones (quick start, C1 only), before {@link #start}. */
    public Suite withJvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /** One more configuration property for every service this suite starts, before {@link #start}. */
    public Suite withConfig(String property, String value) {
        extraConfig.put(property, value);
        return this;
    }

    public static Path jarOf(Path root, ServiceName service) {
        return root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Starts every service at once and waits until all are ready. */
    public Suite start(Duration timeout) {
        for (ServiceName s : ServiceName.values()) {
            try {
                java.nio.file.Files.deleteIfExists(stack.settings().workDir().resolve("logs").resolve(s.id() + ".log"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        for (ServiceName s : ServiceName.values()) {
            services.put(s, newProcess(s).start());
        }
        services.values().forEach(p -> p.awaitReady(timeout));
        return this;
    }

    public ServiceProcess service(ServiceName name) {
        return services.get(name);
    }

    public String url(ServiceName name) {
        return "http://127.0.0.1:" + ports.get(name);
    }

    /** Starts a service again after {@link ServiceProcess#kill()} or a stop. */
    public ServiceProcess restart(ServiceName name, Duration timeout) {
        ServiceProcess old = services.get(name);
        if (old != null) {
            old.close();
        }
        ServiceProcess fresh = newProcess(name).start();
        services.put(name, fresh);
        fresh.awaitReady(timeout);
        return fresh;
    }

    /** Starts one more instance of a service on another port, sharing its database and consumer groups. */
    public ServiceProcess startAnother(ServiceName s, String instance, int port, Duration timeout) {
        ServiceProcess extra = newProcess(s, instance, port).start();
        others.add(extra);
        extra.awaitReady(timeout);
        return extra;
    }

    /**
     * Starts one instance of a service with its own JVM options and extra configuration, for benchmarks: they want
     * the JIT's full speed and settings a developer's suite does not use.
     */
    public ServiceProcess startTuned(ServiceName s, String instance, int port, java.util.List<String> jvmOptions,
                                     Map<String, String> extraConfig, Duration timeout) {
        Map<String, String> config = new java.util.HashMap<>(stack.configFor(s));
        config.putAll(extraConfig);
        ServiceProcess tuned = new ServiceProcess(s, instance, jarOf(root, s), port, stack.settings().workDir(), stack.children(),
                config, jvmOptions).start();
        others.add(tuned);
        tuned.awaitReady(timeout);
        return tuned;
    }

    /** Starts one instance with extra configuration and returns at once, for a test that expects it to refuse. */
    public ServiceProcess launch(ServiceName s, String instance, int port, Map<String, String> extraConfig) {
        Map<String, String> config = new java.util.HashMap<>(stack.configFor(s));
        config.putAll(extraConfig);
        ServiceProcess launched = new ServiceProcess(s, instance, jarOf(root, s), port, stack.settings().workDir(), stack.children(),
                config, jvmOptions).start();
        others.add(launched);
        return launched;
    }

    private ServiceProcess newProcess(ServiceName s) {
        return newProcess(s, s.id(), ports.get(s));
    }

    private ServiceProcess newProcess(ServiceName s, String instance, int port) {
        Map<String, String> config = new java.util.HashMap<>(stack.configFor(s));
        config.putAll(extraConfig);
        return new ServiceProcess(s, instance, jarOf(root, s), port, stack.settings().workDir(), stack.children(), config, jvmOptions);
    }

    @Override
    public void close() {
        others.parallelStream().forEach(ServiceProcess::close);
        others.clear();
        List<ServiceProcess> running;
        synchronized (services) {
            running = List.copyOf(services.values());
            services.clear();
        }
        running.parallelStream().forEach(ServiceProcess::close);
    }
}
