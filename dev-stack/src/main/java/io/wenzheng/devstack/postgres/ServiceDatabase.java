package io.wenzheng.devstack.postgres;

import java.util.List;

/** A service's own database and the role that owns it. No service reads another service's tables. */
public record ServiceDatabase(String name, String user, String password) {

    public static ServiceDatabase forService(String service) {
        String password = System.getenv().getOrDefault("WENZHENG_DB_PASSWORD_" + service.toUpperCase(), service + "-dev-secret");
        return new ServiceDatabase(service, service, password);
    }

    public static List<ServiceDatabase> suite() {
        return io.wenzheng.devstack.suite.ServiceName.all().stream().map(s -> forService(s.id())).toList();
    }
}
