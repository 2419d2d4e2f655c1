package io.wenzheng.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wenzheng.contracts.Topics;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What must hold in every overlay, whatever else changes. */
class InvariantsTest {
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([mMgG])");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasProbesResourcesAndAHeapThatFitsItsMemoryLimit(String overlay) {
        List<ObjectNode> deployments = Rendered.ofKind(overlay, "Deployment").toList();
        assertThat(deployments).hasSize(4);
        for (ObjectNode d : deployments) {
            for (JsonNode c : d.at("/spec/template/spec/containers")) {
                String where = overlay + " " + Rendered.id(d) + "/" + c.path("name").asText();
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    assertThat(c.has(probe)).as("%s has a %s", where, probe).isTrue();
                }
                assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
                assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
                assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
                assertThat(c.at("/resources/requests/cpu").isMissingNode()).as("%s requests cpu", where).isFalse();
                assertThat(c.at("/resources/requests/memory").isMissingNode()).as("%s requests memory", where).isFalse();
                long limit = bytes(c.at("/resources/limits/memory").asText());
                assertThat(limit).as("%s has a memory limit", where).isPositive();
                String opts = "";
                for (JsonNode env : c.path("env")) {
                    if (env.path("name").asText().equals("JAVA_OPTS_APPEND")) {
                        opts = env.path("value").asText();
                    }
                }
                Matcher xmx = XMX.matcher(opts);
                assertThat(xmx.find()).as("%s sets -Xmx", where).isTrue();
                long heap = Long.parseLong(xmx.group(1)) * (xmx.group(2).equalsIgnoreCase("g") ? 1L << 30 : 1L << 20);
                // Heap plus metaspace, threads, code cache and buffers must fit: at most 65% of the limit for the heap.
                assertThat((double) heap / limit).as("%s: -Xmx against its memory limit", where).isBetween(0.4, 0.65);
                // Each service loads 108-116 MB of class metadata (jcmd VM.metaspace, docs/performance.md): 96m died
                // at start-up with OutOfMemoryError: Metaspace.
                Matcher metaspace = Pattern.compile("-XX:MaxMetaspaceSize=(\\d+)m").matcher(opts);
                if (metaspace.find()) {
                    assertThat(Long.parseLong(metaspace.group(1))).as("%s: MaxMetaspaceSize in MB", where).isGreaterThanOrEqualTo(144);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsFullSetOfObjects(String overlay) {
        for (String service : Rendered.SERVICES) {
            for (String kind : List.of("Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "HorizontalPodAutoscaler",
                    "ScaledObject", "NetworkPolicy", "ServiceMonitor")) {
                String name = kind.equals("ConfigMap") ? service + "-config" : service;
                Rendered.named(overlay, kind, name);
            }
            ObjectNode scaled = Rendered.named(overlay, "ScaledObject", service);
            assertThat(scaled.at("/spec/triggers").findValuesAsText("type")).containsExactlyInAnyOrder("cpu", "kafka");
            assertThat(scaled.at("/spec/advanced/horizontalPodAutoscalerConfig/name").asText())
                    .as("KEDA adopts the CPU HPA instead of fighting it").isEqualTo(service);
            assertThat(scaled.at("/metadata/annotations/scaledobject.keda.sh~1transfer-hpa-ownership").asText()).isEqualTo("true");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicOfTheContractHasAKafkaTopicWithTwoInSyncReplicas(String overlay) {
        Set<String> declared = Rendered.ofKind(overlay, "KafkaTopic").map(t -> t.at("/spec/topicName").asText()).collect(Collectors.toSet());
        assertThat(declared).containsAll(Topics.coreWithDeadLetters());
        Rendered.ofKind(overlay, "KafkaTopic").forEach(t -> {
            assertThat(t.at("/spec/replicas").asInt()).as(Rendered.id(t)).isEqualTo(3);
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).as(Rendered.id(t)).isEqualTo(2);
        });
        assertThat(Rendered.named(overlay, "KafkaTopic", Topics.LIFECYCLE).at("/spec/config/retention.ms").asLong())
                .as("analytics rebuilds from the start of the lifecycle topic").isEqualTo(-1);
        assertThat(Rendered.named(overlay, "KafkaNodePool", "dual-role").at("/spec/replicas").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachPrincipalWritesOnlyWhatItOwnsAndEachUnitReadsOnlyItsFeed(String overlay) {
        var owned = java.util.Map.of(
                "intake", Set.of(Topics.LIFECYCLE, "unit."),
                "routing", Set.of(Topics.LIFECYCLE, Topics.DIRECTORY),
                "sla", Set.of(Topics.SLA),
                "analytics", Set.of(Topics.INSIGHT));
        Rendered.ofKind(overlay, "KafkaUser").forEach(user -> {
            String name = user.at("/metadata/name").asText();
            Set<String> writes = new HashSet<>();
            Set<String> reads = new HashSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                if (!acl.at("/resource/type").asText().equals("topic")) {
                    continue;
                }
                if (acl.path("type").asText("allow").equals("deny")) {
                    continue;
                }
                List<String> ops = java.util.stream.StreamSupport.stream(acl.path("operations").spliterator(), false)
                        .map(JsonNode::asText).toList();
                String topic = acl.at("/resource/name").asText();
                if (ops.contains("Write")) {
                    writes.add(topic);
                }
                if (ops.contains("Read")) {
                    reads.add(topic);
                }
            }
            if (name.startsWith("unit-")) {
                String unit = user.at("/metadata/labels/wenzheng.io~1unit").asText();
                assertThat(reads).as(name).containsExactly(Topics.unitFeed(unit));
                assertThat(writes).as("%s writes only its own command topic, which names its unit to intake", name)
                        .containsExactly(Topics.unitCommands(unit));
            } else {
                assertThat(owned).containsKey(name);
                Set<String> allowed = new HashSet<>(owned.get(name));
                reads.forEach(r -> allowed.add(Topics.deadLetter(r)));
                assertThat(writes).as("%s writes only its own topics and the dead letters of what it reads", name)
                        .isSubsetOf(allowed).containsAll(owned.get(name));
                if (!name.equals("intake")) {
                    assertThat(writes).as("%s never writes a unit's feed or forges its commands", name)
                            .noneMatch(t -> t.startsWith("unit."));
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueLivesInGit(String overlay) {
        assertThat(Rendered.ofKind(overlay, "Secret").toList()).isEmpty();
        Pattern secretish = Pattern.compile("(?i).*(password|secret|key|token|jaas).*");
        Rendered.ofKind(overlay, "Deployment").forEach(d -> {
            for (JsonNode env : d.at("/spec/template/spec/containers/0/env")) {
                if (secretish.matcher(env.path("name").asText()).matches()) {
                    assertThat(env.has("value")).as("%s %s comes from a Secret", Rendered.id(d), env.path("name").asText()).isFalse();
                    assertThat(env.at("/valueFrom/secretKeyRef/name").isMissingNode()).isFalse();
                }
            }
        });
        Rendered.ofKind(overlay, "ConfigMap").forEach(cm -> cm.path("data").fields().forEachRemaining(e ->
                assertThat(e.getValue().asText()).as(Rendered.id(cm)).doesNotContainPattern("(?im)^[^#\\n]*(password|secret)[^=\\n]*="))) ;
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "routing", "sla", "analytics"})
    void everyConfigMapKeyExistsInItsService(String service) throws IOException {
        ServiceConfig known = ServiceConfig.of(service);
        for (String overlay : Rendered.OVERLAYS) {
            Properties props = new Properties();
            props.load(new StringReader(Rendered.named(overlay, "ConfigMap", service + "-config").at("/data/application.properties").asText()));
            assertThat(props).as("%s %s-config", overlay, service).isNotEmpty();
            for (String key : props.stringPropertyNames()) {
                assertThat(known.knows(key)).as("%s: %s-config sets %s, which %s-service does not read", overlay, service, key, service).isTrue();
            }
        }
    }

    /**
     * The console calls every API on its own origin in the cluster: each path a service documents must reach that
     * service through the Ingress, by its longest matching prefix, except the in-cluster admin API.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressSendsEveryPublicPathToItsOwnService(String overlay) throws IOException {
        ObjectNode ingress = Rendered.named(overlay, "Ingress", "wenzheng");
        java.util.Map<String, String> prefixes = new java.util.HashMap<>();
        for (var rule : ingress.at("/spec/rules")) {
            for (var path : rule.at("/http/paths")) {
                assertThat(path.path("pathType").asText()).isEqualTo("Prefix");
                prefixes.put(path.path("path").asText(), path.at("/backend/service/name").asText());
            }
        }
        for (String service : List.of("intake", "routing", "sla", "analytics")) {
            var api = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    java.nio.file.Path.of("..", "docs", "api", service + "-service", "openapi.json").toFile());
            api.path("paths").fieldNames().forEachRemaining(path -> {
                if (path.startsWith("/api/v1/admin")) {
                    assertThat(prefixes.keySet()).as("admin stays inside the cluster").noneMatch(path::startsWith);
                    return;
                }
                String owner = prefixes.entrySet().stream()
                        .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/") || path.startsWith(e.getKey() + "."))
                        .max(java.util.Comparator.comparingInt(e -> e.getKey().length())).map(java.util.Map.Entry::getValue).orElse(null);
                assertThat(owner).as("%s (%s-service) through the Ingress", path, service).isEqualTo(service);
            });
        }
        assertThat(prefixes).containsEntry("/console", "analytics");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesAreTheOnesJibBuilds(String overlay) throws IOException {
        Properties kit = new Properties();
        try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("..", "service-kit", "src", "main", "resources",
                "META-INF", "microprofile-config.properties"))) {
            kit.load(in);
        }
        String repository = kit.getProperty("quarkus.container-image.registry") + "/" + kit.getProperty("quarkus.container-image.group") + "/";
        Rendered.ofKind(overlay, "Deployment").forEach(d -> {
            String image = d.at("/spec/template/spec/containers/0/image").asText();
            assertThat(image).as(Rendered.id(d)).startsWith(repository + d.at("/metadata/name").asText() + "-service:");
            assertThat(d.at("/spec/template/spec/securityContext/runAsUser").asText()).isEqualTo(kit.getProperty("quarkus.jib.user"));
            assertThat(d.at("/spec/template/spec/containers/0/volumeMounts").findValuesAsText("mountPath"))
                    .contains(kit.getProperty("quarkus.jib.working-directory") + "/config");
        });
    }

    static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi)?").matcher(quantity);
        if (!m.matches()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "" : m.group(2)) {
            case "Ki" -> n << 10;
            case "Mi" -> n << 20;
            case "Gi" -> n << 30;
            default -> n;
        };
    }
}
