package io.wenzheng.kit.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which configured secrets are the project's own demo values. The demo values are whatever the dev and test profiles
 * set for a secret-like key, plus anything carrying the dev stack's {@code -dev-secret} passwords (a SASL JAAS line
 * embeds one), so a demo account added for development is refused in production without a second list to keep.
 */
public final class DemoCredentials {
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(password|secret|key|token|jaas|credential|private).*");
    private static final String DEV_PASSWORD_MARK = "-dev-secret";

    private DemoCredentials() {
    }

    public static boolean secretLike(String key) {
        return SECRET_LIKE.matcher(key).matches();
    }

    /** Whether a property name in a source belongs to the dev or test profile, such as {@code %dev,test.a.b}. */
    public static boolean developmentOnly(String rawName) {
        if (!rawName.startsWith("%")) {
            return false;
        }
        int dot = rawName.indexOf('.');
        if (dot < 0) {
            return false;
        }
        for (String profile : rawName.substring(1, dot).split(",")) {
            if (profile.equals("dev") || profile.equals("test")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param effective the active profile's secret-like keys and their values
     * @param demoValues the values the dev and test profiles set for secret-like keys
     * @return the keys, sorted, whose value is a demo value or embeds a dev password
     */
    public static List<String> offending(Map<String, String> effective, Set<String> demoValues) {
        Set<String> keys = new TreeSet<>();
        effective.forEach((key, value) -> {
            if (value != null && !value.isBlank() && secretLike(key)
                    && (demoValues.contains(value.strip()) || value.contains(DEV_PASSWORD_MARK) || anyListed(value, demoValues))) {
                keys.add(key);
            }
        });
        // The environment's WENZHENG_INTAKE_SMS_API_KEY and the property it sets are one setting: name it once.
        keys.removeIf(key -> key.equals(key.toUpperCase(java.util.Locale.ROOT))
                && keys.stream().anyMatch(other -> !other.equals(key) && environmentName(other).equals(key)));
        return List.copyOf(keys);
    }

    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    // A list-valued key (open311-api-keys=a,b) must not hide one demo value among real ones.
    private static boolean anyListed(String value, Set<String> demoValues) {
        if (!value.contains(",")) {
            return false;
        }
        for (String item : value.split(",")) {
            if (demoValues.contains(item.strip())) {
                return true;
            }
        }
        return false;
    }
}
