package io.wenzheng.devstack.suite;

import java.util.List;

/**
 * The four services, with their default HTTP ports and heap sizes. The serial collector makes the whole heap resident
 * under load, so each heap is about twice the live set measured after collections in the bench (intake 75 MB, routing
 * 86, sla 34, analytics 125 with its segmentation dictionaries); below that, full collections take over (analytics at
 * 176 MB: 69 full collections of 0.3 s in three minutes).
 */
public enum ServiceName {
    INTAKE("intake", 8081, "160m"),
    ROUTING("routing", 8082, "192m"),
    SLA("sla", 8083, "112m"),
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
