package io.wenzheng.contracts;

import java.util.Arrays;
import java.util.Optional;

/** The directory event types and the records that carry their data. */
public enum DirectoryType implements CatalogueEntry {
    UNIT_CHANGED("wenzheng.directory.unit-changed.v1", UnitChanged.class),
    RULE_CHANGED("wenzheng.directory.rule-changed.v1", RoutingRuleChanged.class);

    private final String type;
    private final Class<? extends DirectoryEvent> payload;

    DirectoryType(String type, Class<? extends DirectoryEvent> payload) {
        this.type = type;
        this.payload = payload;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String topic() {
        return Topics.DIRECTORY;
    }

    public Class<? extends DirectoryEvent> payload() {
        return payload;
    }

    public static DirectoryType of(DirectoryEvent event) {
        return Arrays.stream(values()).filter(t -> t.payload.isInstance(event)).findFirst().orElseThrow();
    }

    public static Optional<DirectoryType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
