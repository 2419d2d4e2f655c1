package io.wenzheng.kit.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Outside the dev and test profiles a service will not start with a demo credential or a dev password: a ConfigMap
 * can add accounts but cannot remove the ones shipped in application.properties, so those live under {@code %dev} and {@code %test}
 * and this guard catches any that come back through the environment or a copied file.
 */
@ApplicationScoped
public class DemoCredentialGuard {
    private static final Logger LOG = Logger.getLogger(DemoCredentialGuard.class);

    void check(@Observes @Priority(1) StartupEvent started) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (profiles.contains("dev") || profiles.contains("test")) {
            return;
        }
        List<String> offending = offending(ConfigProvider.getConfig());
        if (!offending.isEmpty()) {
            String message = "refusing to start in profile " + String.join(",", profiles)
                    + ": demo credentials or dev passwords are configured for " + String.join(", ", offending)
                    + "; set real values from secrets (docs/operations.md, Secrets)";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    static List<String> offending(Config config) {
        Set<String> demoValues = new HashSet<>();
        Map<String, String> effective = new TreeMap<>();
        for (ConfigSource source : config.getConfigSources()) {
            for (String name : source.getPropertyNames()) {
                if (DemoCredentials.developmentOnly(name) && DemoCredentials.secretLike(name)) {
                    String value = source.getValue(name);
                    if (value != null && !value.isBlank()) {
                        demoValues.add(value.strip());
                    }
                }
            }
        }
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith("%") && DemoCredentials.secretLike(name)) {
                try {
                    config.getOptionalValue(name, String.class).ifPresent(v -> effective.put(name, v));
                } catch (RuntimeException unexpandable) {
                    // A value whose expression cannot be expanded is not a demo value.
                }
            }
        }
        return DemoCredentials.offending(effective, demoValues);
    }
}
