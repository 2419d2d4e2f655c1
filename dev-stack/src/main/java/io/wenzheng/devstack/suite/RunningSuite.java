package io.wenzheng.devstack.suite;

import io.wenzheng.devstack.DevStack;
import io.wenzheng.devstack.identity.Tokens;
import io.wenzheng.devstack.process.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Everything a harness needs: the dev stack, Keycloak with the realm, the four services and the demo directory. */
public record RunningSuite(DevStack stack, Tokens tokens, Suite suite) implements AutoCloseable {
    public static final String REALM = "deploy/keycloak/wenzheng-realm.json";
    public static final String DEMO_DIRECTORY = "deploy/demo/directory.json";

    /** On free ports, so it never collides with {@code ./wenzheng up} or a test run. */
    public static RunningSuite start(Path root, Path workDir, Consumer<String> say) {
        return start(root, workDir, ServiceProcess.DEVELOPMENT_JVM, say);
    }

    public static RunningSuite start(Path root, Path workDir, java.util.List<String> jvmOptions, Consumer<String> say) {
        return start(root, workDir, suite -> suite.withJvmOptions(jvmOptions), say);
    }

    /** @param setUp adjusts the suite (JVM options, configuration) before its services start */
    public static RunningSuite start(Path root, Path workDir, java.util.function.UnaryOperator<Suite> setUp, Consumer<String> say) {
        long begin = System.nanoTime();
        DevStack stack = DevStack.start(DevStack.Settings.forTests(workDir));
        Suite suite = setUp.apply(new Suite(stack, root, p -> Ports.free()));
        // Ctrl-C on a harness: the services go down before the stack's own hook takes the broker and database away.
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "suite-shutdown"));
        try {
            Tokens tokens = new Tokens(stack.startIdentity(root.resolve(REALM), Duration.ofSeconds(240)).issuer());
            suite.start(Duration.ofSeconds(180));
            int status = loadDirectory(suite.url(ServiceName.ROUTING), tokens.of("admin1"), root.resolve(DEMO_DIRECTORY));
            if (status != 200) {
                throw new IllegalStateException("routing refused the demo directory: HTTP " + status);
            }
            say.accept(String.format("suite ready in %.1f s (Kafka, PostgreSQL, Keycloak, four services, demo directory) in %s",
                    (System.nanoTime() - begin) / 1e9, workDir));
            return new RunningSuite(stack, tokens, suite);
        } catch (RuntimeException e) {
            suite.close();
            stack.close();
            throw e;
        }
    }

    /** PUTs a directory file to routing; answers the HTTP status. */
    public static int loadDirectory(String routingUrl, String adminToken, Path directory) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(routingUrl + "/api/v1/directory"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + adminToken)
                            .PUT(HttpRequest.BodyPublishers.ofString(Files.readString(directory))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("cannot load " + directory + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        suite.close();
        stack.close();
    }
}
