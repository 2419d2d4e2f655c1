package io.wenzheng.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A custom resource checked against the openAPIV3Schema its operator's CRD declares for the object's apiVersion, as the
 * API server would: a version the CRD does not serve, a field the schema does not know, a wrong type, a value outside
 * an enum, a missing required field. Only structural rules are checked; CEL rules and formats are left to the server.
 */
final class CrdSchema {
    /** group/kind to the versions its CRD serves; before SCHEMAS, which fills it. */
    private static final Map<String, List<String>> SERVED = new HashMap<>();
    private static final Map<String, JsonNode> SCHEMAS = load("strimzi-040-Crd-kafka.yaml", "strimzi-043-Crd-kafkatopic.yaml",
            "strimzi-044-Crd-kafkauser.yaml", "strimzi-045-Crd-kafkanodepool.yaml", "cnpg-clusters.yaml",
            "cnpg-scheduledbackups.yaml", "barman-cloud-objectstores.yaml");
    private CrdSchema() {
    }

    /** Whether a CRD for this group and kind is known, whatever versions it serves. */
    static boolean knows(JsonNode object) {
        return SERVED.containsKey(groupKind(object));
    }

    static List<String> violations(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        JsonNode schema = SCHEMAS.get(groupKind(object) + "/" + version);
        List<String> out = new ArrayList<>();
        if (schema == null) {
            out.add(apiVersion + " is not served; the CRD serves " + SERVED.get(groupKind(object)));
            return out;
        }
        JsonNode spec = object.path("spec");
        if (!spec.isMissingNode()) {
            check(spec, schema.at("/properties/spec"), "spec", out);
        }
        return out;
    }

    private static String groupKind(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        return apiVersion.substring(0, Math.max(apiVersion.indexOf('/'), 0)) + "/" + object.path("kind").asText();
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> out) {
        if (schema.isMissingNode()) {
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            out.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            if (!value.isTextual() && !value.isIntegralNumber()) {
                out.add(path + ": an integer or a string, not " + value);
            }
            return;
        }
        switch (schema.path("type").asText()) {
            case "object" -> checkObject(value, schema, path, out);
            case "array" -> {
                if (!value.isArray()) {
                    out.add(path + ": an array, not " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), path + "[" + i + "]", out);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(path + ": a string, not " + value);
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    out.add(path + ": an integer, not " + value);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    out.add(path + ": a number, not " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(path + ": a boolean, not " + value);
                }
            }
            default -> {
                // no type: x-kubernetes-preserve-unknown-fields or a free value
            }
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> out) {
        if (!value.isObject()) {
            out.add(path + ": an object, not " + value.getNodeType());
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(path + ": " + required.asText() + " is required");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserves = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String where = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), where, out);
            } else if (additional.isObject()) {
                check(field.getValue(), additional, where, out);
            } else if (!preserves && !additional.asBoolean(false)) {
                out.add(where + ": unknown field");
            }
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value) || (v.isTextual() && value.isValueNode() && v.asText().equals(value.asText()))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, JsonNode> load(String... files) {
        Map<String, JsonNode> schemas = new HashMap<>();
        for (String file : files) {
            try (InputStream in = CrdSchema.class.getResourceAsStream("/crds/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("crds/" + file + " is missing");
                }
                JsonNode crd = Kustomize.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).get(0);
                String group = crd.at("/spec/group").asText();
                String kind = crd.at("/spec/names/kind").asText();
                for (JsonNode version : crd.at("/spec/versions")) {
                    if (version.path("served").asBoolean()) {
                        schemas.put(group + "/" + kind + "/" + version.path("name").asText(), version.at("/schema/openAPIV3Schema"));
                        SERVED.computeIfAbsent(group + "/" + kind, k -> new ArrayList<>()).add(version.path("name").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
