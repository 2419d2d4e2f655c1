package io.wenzheng.devstack.suite;

import java.util.List;

/** The four services, with their default HTTP ports and heap sizes. */
public enum ServiceName {
    INTAKE("intake", 8081, "256m"),
    ROUTING("routing", 8082, "256m"),
    SLA("sla", 8083, "256m"),
    ANALYTICS("analytics", 8084, "256m");

    private final String id;
    private final int defaultPort;
    private final String heap;

    ServiceName(String id, int defaultPort, String heap) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.heap = heap;
    }

    public String id() {
        return id;
    }

    public String module() {
        return id + "-service";
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String heap() {
        return heap;
    }

    public static List<ServiceName> all() {
        return List.of(values());
    }

    public static ServiceName of(String id) {
        for (ServiceName s : values()) {
            if (s.id.equals(id) || s.module().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown service " + id + "; one of intake, routing, sla, analytics");
    }
}
