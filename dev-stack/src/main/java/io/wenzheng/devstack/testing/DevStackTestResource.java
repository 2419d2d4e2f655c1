package io.wenzheng.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.wenzheng.devstack.DevStack;
import io.wenzheng.devstack.suite.ServiceName;
import java.util.Map;

/**
 * Points a Quarkus test at the JVM's one shared dev stack. Name the service with the init arg {@code service}.
 * The stack outlives individual test classes and stops when the test JVM exits.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {
    private ServiceName service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = ServiceName.of(initArgs.getOrDefault("service", "intake"));
    }

    @Override
    public Map<String, String> start() {
        return DevStack.shared().configFor(service);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; the JVM's shutdown hook stops it.
    }
}
