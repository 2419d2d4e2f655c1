package io.wenzheng.deploy;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The configuration keys a service reads: those in its application.properties and the suite's shared defaults,
 * those its {@code @ConfigMapping} interfaces declare (walked by reflection, as SmallRye Config names them), and
 * Kafka client settings that Kafka itself knows.
 */
final class ServiceConfig {
    private static final Map<String, List<String[]>> MAPPINGS = Map.of(
            "intake", List.<String[]>of(new String[] {"wenzheng.intake", "io.wenzheng.intake.IntakeConfig"}),
            "routing", List.<String[]>of(new String[] {"wenzheng.routing", "io.wenzheng.routing.RoutingConfig"}),
            "sla", List.<String[]>of(new String[] {"wenzheng.sla", "io.wenzheng.sla.SlaConfig"}),
            "analytics", List.<String[]>of(new String[] {"wenzheng.analytics", "io.wenzheng.analytics.wiring.AnalyticsConfig"}));

    private final Set<String> keys = new HashSet<>();
    private final List<Pattern> patterns = new ArrayList<>();

    static ServiceConfig of(String service) throws IOException {
        ServiceConfig config = new ServiceConfig();
        config.load(Path.of("..", service + "-service", "src", "main", "resources", "application.properties"));
        config.load(Path.of("..", "service-kit", "src", "main", "resources", "META-INF", "microprofile-config.properties"));
        try {
            config.walk("wenzheng", Class.forName("io.wenzheng.kit.KitConfig"));
            for (String[] mapping : MAPPINGS.get(service)) {
                config.walk(mapping[0], Class.forName(mapping[1]));
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        // Quarkus settings only a cluster needs (no default makes sense on a laptop), spelled as Quarkus documents them.
        config.keys.addAll(List.of("quarkus.oidc.token.issuer", "quarkus.oidc.tls.tls-configuration-name",
                "quarkus.tls.keycloak.trust-store.pem.certs", "quarkus.http.proxy.proxy-address-forwarding",
                "quarkus.http.proxy.enable-forwarded-host", "wenzheng.console.issuer",
                "quarkus.rest-client.keycloak.tls-configuration-name", "quarkus.otel.exporter.otlp.traces.endpoint"));
        Set<String> kafka = new HashSet<>(ConsumerConfig.configNames());
        kafka.addAll(ProducerConfig.configNames());
        kafka.addAll(AdminClientConfig.configNames());
        kafka.forEach(k -> config.keys.add("kafka." + k));
        return config;
    }

    boolean knows(String key) {
        return keys.contains(key) || patterns.stream().anyMatch(p -> p.matcher(key).matches());
    }

    private void load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        for (String key : p.stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
    }

    private void walk(String prefix, Class<?> mapping) {
        for (Method m : mapping.getMethods()) {
            if (m.getParameterCount() != 0 || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            leafOrGroup(prefix + "." + kebab(m.getName()), m.getGenericReturnType());
        }
    }

    private void leafOrGroup(String path, Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == Map.class) {
            Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
            leafOrGroup(path + ".*", value);
        } else if (raw == java.util.Optional.class || raw == List.class) {
            leafOrGroup(path, ((ParameterizedType) type).getActualTypeArguments()[0]);
        } else if (raw.isInterface() && raw.getName().startsWith("io.wenzheng")) {
            walk(path, raw);
        } else if (path.contains("*")) {
            // A map key is one segment, or a quoted one that may hold dots: categories."城乡建设".working-time-response
            String regex = Pattern.quote(path).replace("*", "\\E(?:[^.\"]+|\"[^\"]+\")\\Q");
            patterns.add(Pattern.compile(regex));
        } else {
            keys.add(path);
        }
    }

    private static String kebab(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
