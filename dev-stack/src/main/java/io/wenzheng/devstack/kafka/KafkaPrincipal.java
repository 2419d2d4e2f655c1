package io.wenzheng.devstack.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A SCRAM principal and its ACLs, read from Strimzi {@code KafkaUser} resources, so that the dev stack's secured
 * broker enforces exactly what deploy/k8s gives the cluster.
 */
public record KafkaPrincipal(String name, List<AclBinding> acls) {

    /** The development password of a principal; production passwords live in Strimzi's generated secrets. */
    public String devPassword() {
        return name + "-dev-secret";
    }

    /** Every KafkaUser in a (multi-document) YAML file. */
    public static List<KafkaPrincipal> fromStrimziUsers(Path yaml) {
        List<KafkaPrincipal> principals = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml.toFile())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || !"KafkaUser".equals(doc.path("kind").asText())) {
                    continue;
                }
                String name = doc.at("/metadata/name").asText();
                List<AclBinding> acls = new ArrayList<>();
                for (JsonNode acl : doc.at("/spec/authorization/acls")) {
                    ResourcePattern resource = resource(acl.path("resource"));
                    AclPermissionType permission = "deny".equalsIgnoreCase(acl.path("type").asText("allow"))
                            ? AclPermissionType.DENY : AclPermissionType.ALLOW;
                    List<String> operations = new ArrayList<>();
                    acl.path("operations").forEach(o -> operations.add(o.asText()));
                    if (acl.has("operation")) {
                        operations.add(acl.path("operation").asText());
                    }
                    for (String operation : operations) {
                        acls.add(new AclBinding(resource, new AccessControlEntry("User:" + name, acl.path("host").asText("*"),
                                operation(operation), permission)));
                    }
                }
                principals.add(new KafkaPrincipal(name, acls));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka users from " + yaml, e);
        }
        return principals;
    }

    private static ResourcePattern resource(JsonNode r) {
        String type = r.path("type").asText();
        PatternType pattern = "prefix".equals(r.path("patternType").asText("literal")) ? PatternType.PREFIXED : PatternType.LITERAL;
        return switch (type) {
            case "topic" -> new ResourcePattern(ResourceType.TOPIC, r.path("name").asText(), pattern);
            case "group" -> new ResourcePattern(ResourceType.GROUP, r.path("name").asText(), pattern);
            case "transactionalId" -> new ResourcePattern(ResourceType.TRANSACTIONAL_ID, r.path("name").asText(), pattern);
            case "cluster" -> new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
            default -> throw new IllegalArgumentException("unknown ACL resource type " + type);
        };
    }

    /** Strimzi writes operations in CamelCase ("IdempotentWrite"); Kafka's enum is IDEMPOTENT_WRITE. */
    static AclOperation operation(String camel) {
        return AclOperation.valueOf(camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }
}
