package io.wenzheng.devstack.suite;

import java.util.List;

/**
 * The four services, with their default HTTP ports and heap sizes. With the serial collector the young generation and
 * the old generation's high-water mark are resident, so each heap is sized from the live set the bench measured after
 * collections (2026-12-07: intake 45 MB, routing 69, sla 27, analytics 112 with its segmentation dictionaries and the
 * surge detector's horizon) to keep each service's peak RSS near 350 MB. The price is intake's: in a burst beyond
 * capacity it makes a full collection of 0.3 s every 7 s (none at 40/s). Analytics at 176 MB made 69 full collections
 * in three minutes (2026-12-06, before its surge detector shrank); 200 MB made none (docs/performance.md).
 */
public enum ServiceName {
    INTAKE("intake", 8081, "120m"),
    ROUTING("routing", 8082, "176m"),
    SLA("sla", 8083, "112m"),
    ANALYTICS("analytics", 8084, "200m");

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
