package io.wenzheng.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered object against a schema. Strimzi's and CloudNativePG's resources (the Barman Cloud plugin's
 * ObjectStore included) against the CRDs those operators install (src/test/resources/crds, see SOURCES.md), version by
 * version; Kubernetes' own kinds and Prometheus operator's are read into their published Java models (fabric8) and
 * must leave nothing unrecognised: a misspelt or misplaced field lands in a model's additionalProperties, and that
 * fails the test. Keycloak and KEDA publish neither here, so their objects get the structural checks their operators
 * would refuse without.
 */
class SchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class));

    static Stream<Arguments> objects() {
        return Rendered.OVERLAYS.stream().flatMap(o -> Rendered.overlay(o).stream().map(obj -> Arguments.of(o, Rendered.id(obj), obj)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("objects")
    void everyObjectMatchesItsSchema(String overlay, String id, ObjectNode object) throws Exception {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        if (CrdSchema.knows(object)) {
            assertThat(CrdSchema.violations(object)).as("%s against its operator's CRD", id).isEmpty();
            return;
        }
        Class<?> model = MODELS.get(type);
        if (model != null) {
            assertThat(unknownFields(object, model)).as("fields %s does not know", model.getSimpleName()).isEmpty();
            return;
        }
        switch (type) {
            case "k8s.keycloak.org/v2alpha1/Keycloak" -> require(object, "/spec/instances", "/spec/db/vendor", "/spec/db/host",
                    "/spec/db/passwordSecret/name", "/spec/hostname/hostname", "/spec/http/tlsSecret");
            case "k8s.keycloak.org/v2alpha1/KeycloakRealmImport" -> require(object, "/spec/keycloakCRName", "/spec/realm/realm");
            case "keda.sh/v1alpha1/ScaledObject" -> {
                require(object, "/spec/scaleTargetRef/name", "/spec/minReplicaCount", "/spec/maxReplicaCount", "/spec/triggers/0/type");
                for (JsonNode trigger : object.at("/spec/triggers")) {
                    assertThat(trigger.path("type").asText()).isIn("cpu", "kafka");
                }
            }
            case "keda.sh/v1alpha1/TriggerAuthentication" -> require(object, "/spec/secretTargetRef/0/parameter", "/spec/secretTargetRef/0/name");
            default -> throw new AssertionError("no schema known for " + type + "; add its model or its checks here");
        }
    }

    static List<String> unknownFields(ObjectNode object, Class<?> model) throws Exception {
        List<String> unknown = new ArrayList<>();
        unrecognised(MAPPER.treeToValue(object, model), object.path("kind").asText(), unknown, new IdentityHashMap<>());
        return unknown;
    }

    @org.junit.jupiter.api.Test
    void aMisspeltOrMisplacedFieldIsCaught() throws Exception {
        ObjectNode deployment = (ObjectNode) Kustomize.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 2
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers: [{name: x, image: x, readinesProbe: {httpGet: {path: /, port: 8080}}}]
                """).get(0);
        assertThat(unknownFields(deployment, io.fabric8.kubernetes.api.model.apps.Deployment.class))
                .containsExactlyInAnyOrder("Deployment.Spec: [replica]", "Deployment.Spec.Template.Spec.Containers[0]: [readinesProbe]");
        ObjectNode topic = (ObjectNode) Kustomize.parse("apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata: {name: t}\n"
                + "spec: {partitions: three, replica: 3}").get(0);
        assertThat(CrdSchema.violations(topic)).containsExactly("spec.partitions: an integer, not \"three\"", "spec.replica: unknown field");
        ObjectNode user = (ObjectNode) Kustomize.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: u}
                spec:
                  authorization:
                    type: simple
                    acls: [{resource: {type: topic, name: t}, operation: Read}]
                """).get(0);
        assertThat(CrdSchema.violations(user)).as("v1 knows only operations").contains("spec.authorization.acls[0].operation: unknown field");
        ObjectNode old = (ObjectNode) Kustomize.parse("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: t}\nspec: {}").get(0);
        assertThat(CrdSchema.violations(old)).containsExactly("kafka.strimzi.io/v1beta2 is not served; the CRD serves [v1]");
        ObjectNode cluster = (ObjectNode) Kustomize.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: c}
                spec:
                  instances: 3
                  storage: {size: 1Gi}
                  plugins: [{name: barman-cloud.cloudnative-pg.io, isWalArchiver: true}]
                """).get(0);
        assertThat(CrdSchema.violations(cluster)).containsExactly("spec.plugins[0].isWalArchiver: unknown field");
    }

    private static void require(ObjectNode object, String... pointers) {
        for (String pointer : pointers) {
            assertThat(object.at(pointer).isMissingNode() || object.at(pointer).isNull()).as("%s in %s", pointer, Rendered.id(object)).isFalse();
        }
    }

    /** Walks a model's getters and collects every non-empty additionalProperties on the way. */
    private static void unrecognised(Object value, String where, List<String> out, IdentityHashMap<Object, Boolean> seen) throws Exception {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                unrecognised(item, where + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                unrecognised(e.getValue(), where + "." + e.getKey(), out, seen);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child = m.invoke(value);
            if (m.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(where + ": " + extra.keySet());
                }
            } else {
                unrecognised(child, where + "." + m.getName().substring(3), out, seen);
            }
        }
    }
}
