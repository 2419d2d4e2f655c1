package io.wenzheng.contracts;

/** A CloudEvents type in the event catalogue: its name, its topic, and where its schema and example live. */
public interface CatalogueEntry {
    String type();

    String topic();

    /** Classpath location of the JSON Schema for this type's data. */
    default String schemaResource() {
        return "/contracts/schemas/" + type() + ".schema.json";
    }

    /** Classpath location of a valid example of this type's data. */
    default String exampleResource() {
        return "/contracts/examples/" + type() + ".json";
    }
}
