package io.wenzheng.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The realm is one file; the dashboards and alerts are well-formed and name only metrics the suite exports. */
class RealmAndDashboardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REALM = Path.of("..", "deploy", "keycloak", "wenzheng-realm.json");
    private static final Path DASHBOARDS = Path.of("..", "deploy", "k8s", "base", "monitoring", "dashboards");
    /** Metric names the rules and dashboards may use: the services' own and the Kafka client's (checked live by the e2e test). */
    static final Pattern METRIC = Pattern.compile("\\b(wenzheng_[a-z_]+|kafka_consumer_[a-z_]+)\\b");

    @Test
    void theDevClusterImportsTheRealmFileAndProductionTheSameWithoutDemoUsers() throws IOException {
        JsonNode file = JSON.readTree(REALM.toFile());
        JsonNode dev = Rendered.named("dev", "KeycloakRealmImport", "wenzheng").at("/spec/realm");
        assertThat(dev).isEqualTo(file);
        ObjectNode withoutDemo = file.deepCopy();
        ArrayNode users = withoutDemo.putArray("users");
        file.path("users").forEach(u -> {
            if (u.path("username").asText().startsWith("service-account-")) {
                users.add(u);
            }
        });
        assertThat(Rendered.named("prod", "KeycloakRealmImport", "wenzheng").at("/spec/realm")).isEqualTo(withoutDemo);
    }

    @Test
    void theRealmHasTheRolesClientsAndAUserPerRole() throws IOException {
        JsonNode realm = JSON.readTree(REALM.toFile());
        assertThat(realm.path("realm").asText()).isEqualTo("wenzheng");
        assertThat(realm.at("/roles/realm").findValuesAsText("name"))
                .containsExactlyInAnyOrder("operator", "unit-staff", "supervisor", "analyst", "admin");
        List<String> clients = realm.path("clients").findValuesAsText("clientId");
        assertThat(clients).contains("intake-service", "routing-service", "sla-service", "analytics-service", "wenzheng-console");
        JsonNode console = find(realm.path("clients"), "clientId", "wenzheng-console");
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(console.path("protocolMappers").findValuesAsText("name")).contains("unit", "wenzheng-audience");
        assertThat(clients.stream().filter(c -> c.startsWith("dept-"))).isNotEmpty();
        Set<String> roles = new HashSet<>();
        for (JsonNode user : realm.path("users")) {
            user.path("realmRoles").forEach(r -> roles.add(r.asText()));
            if (user.path("realmRoles").toString().contains("unit-staff") && !user.has("serviceAccountClientId")) {
                assertThat(user.at("/attributes/unit/0").asText()).as(user.path("username").asText()).isNotBlank();
            }
            for (JsonNode credential : user.path("credentials")) {
                assertThat(credential.path("value").asText()).as("passwords are placeholders").startsWith("${");
            }
        }
        assertThat(roles).containsAll(List.of("operator", "unit-staff", "supervisor", "analyst", "admin"));
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                assertThat(client.path("secret").asText()).as("client secrets are placeholders").matches("\\$\\{[A-Z0-9_]+}");
            }
        }
    }

    @Test
    void grafanaDashboardsAreWellFormed() throws IOException {
        Set<String> uids = new HashSet<>();
        try (var files = Files.list(DASHBOARDS)) {
            for (Path file : files.toList()) {
                JsonNode d = JSON.readTree(file.toFile());
                assertThat(uids.add(d.path("uid").asText())).as("unique uid %s", file).isTrue();
                assertThat(d.path("title").asText()).isNotBlank();
                assertThat(d.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
                assertThat(d.path("panels")).isNotEmpty();
                Set<Integer> ids = new HashSet<>();
                for (JsonNode panel : d.path("panels")) {
                    assertThat(ids.add(panel.path("id").asInt())).as("unique panel id in %s", file).isTrue();
                    assertThat(panel.path("type").asText()).isIn("timeseries", "stat", "gauge", "table", "bargauge");
                    for (String f : List.of("x", "y", "w", "h")) {
                        assertThat(panel.at("/gridPos/" + f).isInt()).as("%s gridPos.%s", panel.path("title"), f).isTrue();
                    }
                    assertThat(panel.path("targets")).isNotEmpty();
                    for (JsonNode target : panel.path("targets")) {
                        assertThat(METRIC.matcher(target.path("expr").asText()).find()).as("%s queries a suite metric", panel.path("title")).isTrue();
                        assertThat(balanced(target.path("expr").asText())).as(target.path("expr").asText()).isTrue();
                    }
                }
            }
        }
        assertThat(uids).containsExactlyInAnyOrder("wenzheng-pipeline", "wenzheng-sla");
    }

    @Test
    void alertRulesAreWellFormedAndPointAtTheRunbook() throws IOException {
        JsonNode rules = Rendered.named("prod", "PrometheusRule", "wenzheng");
        Set<String> alerts = new TreeSet<>();
        String runbook = Files.readString(Path.of("..", "docs", "runbook.md"));
        for (JsonNode group : rules.at("/spec/groups")) {
            for (JsonNode rule : group.path("rules")) {
                alerts.add(rule.path("alert").asText());
                assertThat(balanced(rule.path("expr").asText())).as(rule.path("alert").asText()).isTrue();
                assertThat(METRIC.matcher(rule.path("expr").asText()).find()).isTrue();
                String anchor = rule.at("/annotations/runbook").asText().replaceFirst("^docs/runbook.md#", "");
                assertThat(runbook).as("runbook section for %s", rule.path("alert").asText())
                        .containsPattern("(?im)^#+ " + anchor.replace('-', ' ') + "\\s*$");
            }
        }
        assertThat(alerts).contains("WenzhengConsumerLag", "WenzhengOutboxBacklog", "WenzhengDeadLettersGrowing",
                "WenzhengBreachRateHigh", "WenzhengTimerLate", "WenzhengHolidayNoticeMissing");
    }

    @Test
    void theRunbookCoversWhatAnOperatorMustDo() throws IOException {
        String runbook = Files.readString(Path.of("..", "docs", "runbook.md"));
        for (String section : List.of("Scaling", "Replay and rebuild of read models", "DLQ handling", "Holiday notice",
                "Key rotation", "Backup and restore", "Upgrading", "Capacity planning", "Tracing")) {
            assertThat(runbook).as("runbook section %s", section).containsPattern("(?m)^## " + Pattern.quote(section) + "\\s*$");
        }
    }

    /** Every metric name the rules and dashboards use, for the end-to-end test to find in real scrapes. */
    static Set<String> metricNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : List.of(DASHBOARDS.resolve("pipeline.json"), DASHBOARDS.resolve("sla.json"),
                Path.of("..", "deploy", "k8s", "base", "monitoring", "prometheus-rules.yaml"))) {
            Matcher m = METRIC.matcher(Files.readString(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static boolean balanced(String expr) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value);
    }
}
