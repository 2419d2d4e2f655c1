package io.wenzheng.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The overlays, rendered once per test JVM. */
final class Rendered {
    static final Path K8S = Path.of("..", "deploy", "k8s");
    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("intake", "routing", "sla", "analytics");
    private static final Map<String, List<ObjectNode>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {
    }

    static List<ObjectNode> overlay(String name) {
        return CACHE.computeIfAbsent(name, n -> Kustomize.render(K8S.resolve("overlays").resolve(n)));
    }

    static Stream<ObjectNode> all() {
        return OVERLAYS.stream().flatMap(o -> overlay(o).stream());
    }

    static Stream<ObjectNode> ofKind(String overlay, String kind) {
        return overlay(overlay).stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    static ObjectNode named(String overlay, String kind, String name) {
        return ofKind(overlay, kind).filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + "/" + name));
    }

    static String id(ObjectNode o) {
        return o.path("kind").asText() + "/" + o.at("/metadata/name").asText();
    }
}
