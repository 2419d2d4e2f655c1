package io.wenzheng.deploy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Kustomize directory in plain Java, for the subset deploy/k8s uses: resources (files and directories),
 * configMapGenerator (files and literals, without name hashes), patches (strategic merge by kind and name, and
 * JSON 6902 by target kind and name), namespace, labels (metadata only) and images. Anything else in a
 * kustomization is refused, so the checks never pass on a file this renderer misread. Where kubectl is installed,
 * the tests compare this output with {@code kubectl kustomize}.
 */
public final class Kustomize {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "configMapGenerator", "patches",
            "namespace", "labels", "images");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");
    private static final Set<String> POD_OWNERS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet");

    private Kustomize() {
    }

    public static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        JsonNode k = read(file).get(0);
        k.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(file + ": '" + field + "' is not supported by this renderer");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                read(path).forEach(d -> objects.add((ObjectNode) d));
            }
        }
        for (JsonNode generator : k.path("configMapGenerator")) {
            objects.add(configMap(directory, generator));
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(directory, patch, objects);
        }
        if (k.has("namespace")) {
            String namespace = k.get("namespace").asText();
            objects.stream().filter(o -> !CLUSTER_SCOPED.contains(o.path("kind").asText()))
                    .forEach(o -> ((ObjectNode) o.get("metadata")).put("namespace", namespace));
        }
        for (JsonNode label : k.path("labels")) {
            if (label.path("includeSelectors").asBoolean(false) || label.path("includeTemplates").asBoolean(false)) {
                throw new IllegalArgumentException(file + ": labels with includeSelectors/includeTemplates are not supported");
            }
            for (ObjectNode o : objects) {
                ObjectNode labels = ((ObjectNode) o.get("metadata")).with("labels");
                label.path("pairs").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
            }
        }
        for (JsonNode image : k.path("images")) {
            objects.stream().filter(o -> POD_OWNERS.contains(o.path("kind").asText()))
                    .forEach(o -> retag(o.at("/spec/template/spec"), image));
        }
        return objects;
    }

    private static ObjectNode configMap(Path directory, JsonNode generator) {
        if (!generator.path("options").path("disableNameSuffixHash").asBoolean(false)) {
            throw new IllegalArgumentException("configMapGenerator " + generator.path("name").asText()
                    + ": only disableNameSuffixHash: true is supported (name references are not rewritten)");
        }
        ObjectNode cm = JsonNodeFactory.instance.objectNode();
        cm.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = cm.putObject("metadata");
        metadata.put("name", generator.path("name").asText());
        if (generator.path("options").has("labels")) {
            metadata.set("labels", generator.path("options").path("labels").deepCopy());
        }
        ObjectNode data = cm.putObject("data");
        for (JsonNode f : generator.path("files")) {
            Path path = directory.resolve(f.asText());
            try {
                data.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (JsonNode literal : generator.path("literals")) {
            String[] kv = literal.asText().split("=", 2);
            data.put(kv[0], kv[1]);
        }
        return cm;
    }

    private static void applyPatch(Path directory, JsonNode patch, List<ObjectNode> objects) {
        List<JsonNode> documents;
        if (patch.has("path")) {
            documents = read(directory.resolve(patch.get("path").asText()));
        } else {
            documents = parse(patch.path("patch").asText());
        }
        JsonNode target = patch.path("target");
        for (JsonNode document : documents) {
            if (document.isArray()) {
                if (target.isMissingNode()) {
                    throw new IllegalArgumentException("a JSON 6902 patch needs a target");
                }
                List<ObjectNode> matched = objects.stream().filter(o -> matches(o, target)).toList();
                if (matched.isEmpty()) {
                    throw new IllegalArgumentException("patch target " + target + " matches nothing");
                }
                matched.forEach(o -> json6902(o, (ArrayNode) document));
            } else {
                ObjectNode patchObject = (ObjectNode) document;
                ObjectNode into = objects.stream()
                        .filter(o -> o.path("kind").equals(patchObject.path("kind"))
                                && o.at("/metadata/name").equals(patchObject.at("/metadata/name")))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("strategic-merge patch for "
                                + patchObject.path("kind").asText() + "/" + patchObject.at("/metadata/name").asText() + " matches nothing"));
                merge(into, patchObject);
            }
        }
    }

    private static boolean matches(ObjectNode o, JsonNode target) {
        return (!target.has("kind") || target.get("kind").asText().equals(o.path("kind").asText()))
                && (!target.has("name") || o.at("/metadata/name").asText().matches(target.get("name").asText()));
    }

    /** Strategic merge, as far as these manifests need it: maps merge, lists of named maps merge by name, other lists are replaced. */
    static void merge(ObjectNode into, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode existing = into.get(e.getKey());
            JsonNode value = e.getValue();
            if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode valueObject) {
                merge(existingObject, valueObject);
            } else if (existing instanceof ArrayNode existingArray && value instanceof ArrayNode valueArray && namedMaps(valueArray)
                    && namedMaps(existingArray)) {
                for (JsonNode item : valueArray) {
                    ObjectNode same = null;
                    for (JsonNode old : existingArray) {
                        if (old.path("name").equals(item.path("name"))) {
                            same = (ObjectNode) old;
                        }
                    }
                    if (same == null) {
                        existingArray.add(item.deepCopy());
                    } else {
                        merge(same, (ObjectNode) item);
                    }
                }
            } else {
                into.set(e.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean namedMaps(ArrayNode array) {
        for (JsonNode item : array) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return !array.isEmpty();
    }

    static void json6902(ObjectNode object, ArrayNode operations) {
        for (JsonNode op : operations) {
            String path = op.path("path").asText();
            JsonPointer pointer = JsonPointer.compile(path);
            JsonNode parent = object.at(pointer.head());
            String last = pointer.last().getMatchingProperty();
            switch (op.path("op").asText()) {
                case "add" -> {
                    if (parent instanceof ArrayNode array) {
                        if (last.equals("-")) {
                            array.add(op.get("value").deepCopy());
                        } else {
                            array.insert(Integer.parseInt(last), op.get("value").deepCopy());
                        }
                    } else {
                        ((ObjectNode) parent).set(last, op.get("value").deepCopy());
                    }
                }
                case "replace" -> {
                    if (object.at(pointer).isMissingNode()) {
                        throw new IllegalArgumentException("replace of missing " + path + " in " + object.at("/metadata/name"));
                    }
                    if (parent instanceof ArrayNode array) {
                        array.set(Integer.parseInt(last), op.get("value").deepCopy());
                    } else {
                        ((ObjectNode) parent).set(last, op.get("value").deepCopy());
                    }
                }
                case "remove" -> {
                    if (parent instanceof ArrayNode array) {
                        array.remove(Integer.parseInt(last));
                    } else {
                        ((ObjectNode) parent).remove(last);
                    }
                }
                default -> throw new IllegalArgumentException("JSON 6902 op " + op.path("op").asText() + " is not supported");
            }
        }
    }

    private static void retag(JsonNode podSpec, JsonNode image) {
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode c : podSpec.path(list)) {
                String current = c.path("image").asText();
                String name = current.contains("@") ? current.substring(0, current.indexOf('@'))
                        : current.lastIndexOf(':') > current.lastIndexOf('/') ? current.substring(0, current.lastIndexOf(':')) : current;
                if (name.equals(image.path("name").asText())) {
                    String newName = image.path("newName").asText(name);
                    String reference = image.has("digest") ? "@" + image.get("digest").asText()
                            : image.has("newTag") ? ":" + image.get("newTag").asText()
                            : current.substring(name.length());
                    ((ObjectNode) c).put("image", newName + reference);
                }
            }
        }
    }

    public static List<JsonNode> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    public static List<JsonNode> parse(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }
}
