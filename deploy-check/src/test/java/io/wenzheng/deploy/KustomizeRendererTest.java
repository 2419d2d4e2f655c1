package io.wenzheng.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KustomizeRendererTest {
    private static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @Test
    void strategicMergeMergesNamedListsAndReplacesTheRest() {
        ObjectNode into = (ObjectNode) Kustomize.parse("""
                spec: {replicas: 1, containers: [{name: a, image: x, env: [{name: A, value: "1"}]}, {name: b, image: y}], args: [p, q]}
                """).get(0);
        ObjectNode patch = (ObjectNode) Kustomize.parse("""
                spec: {containers: [{name: a, env: [{name: B, value: "2"}]}], args: [r]}
                """).get(0);
        Kustomize.merge(into, patch);
        assertThat(into.at("/spec/containers/0/image").asText()).isEqualTo("x");
        assertThat(into.at("/spec/containers/0/env").findValuesAsText("name")).containsExactly("A", "B");
        assertThat(into.at("/spec/containers/1/name").asText()).isEqualTo("b");
        assertThat(into.at("/spec/args").toString()).isEqualTo("[\"r\"]");
        assertThat(into.at("/spec/replicas").asInt()).isEqualTo(1);
    }

    @Test
    void json6902AddsReplacesAndRemoves() {
        ObjectNode o = (ObjectNode) Kustomize.parse("spec: {instances: 3, users: [{u: 1}], drop: x}").get(0);
        Kustomize.json6902(o, (ArrayNode) Kustomize.parse("""
                - {op: replace, path: /spec/instances, value: 1}
                - {op: add, path: /spec/users/-, value: {u: 2}}
                - {op: remove, path: /spec/drop}
                """).get(0));
        assertThat(o.toString()).isEqualTo("{\"spec\":{\"instances\":1,\"users\":[{\"u\":1},{\"u\":2}]}}");
        assertThatThrownBy(() -> Kustomize.json6902(o, (ArrayNode) Kustomize.parse("- {op: replace, path: /spec/none, value: 1}").get(0)))
                .hasMessageContaining("missing");
    }

    @Test
    void aKustomizationFieldItDoesNotKnowIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\nreplicas: [{name: x, count: 2}]\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("'replicas' is not supported");
    }

    /** On a machine with kubectl, the Java renderer must agree with the real Kustomize, object for object. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void agreesWithKubectlKustomize(String overlay) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")) || onPath("kubectl"),
                "kubectl is not installed; the Java renderer alone is used");
        Process p = new ProcessBuilder("kubectl", "kustomize", Rendered.K8S.resolve("overlays").resolve(overlay).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        TreeSet<String> kubectl = canonical(Kustomize.parse(out));
        TreeSet<String> ours = canonical(List.copyOf(Rendered.overlay(overlay)));
        TreeSet<String> onlyKubectl = new TreeSet<>(kubectl);
        onlyKubectl.removeAll(ours);
        TreeSet<String> onlyOurs = new TreeSet<>(ours);
        onlyOurs.removeAll(kubectl);
        assertThat(onlyOurs).as("rendered here but not by kubectl (kubectl has %s)", onlyKubectl).isEmpty();
        assertThat(kubectl).hasSameSizeAs(ours);
    }

    private static TreeSet<String> canonical(List<? extends JsonNode> objects) throws IOException {
        TreeSet<String> set = new TreeSet<>();
        for (JsonNode o : objects) {
            set.add(SORTED.writeValueAsString(SORTED.treeToValue(o, Object.class)));
        }
        return set;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
