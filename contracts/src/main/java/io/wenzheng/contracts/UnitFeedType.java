package io.wenzheng.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a unit's own system reads on its feed, {@code unit.<code>.feed}: every change to a petition it holds, with
 * the whole case, and the result of each command it sent. Keyed by petition id like the lifecycle.
 */
public enum UnitFeedType implements CatalogueEntry {
    CASE_UPDATE("wenzheng.unit.case-update.v1", CaseUpdate.class),
    COMMAND_RESULT("wenzheng.unit.command-result.v1", CommandResult.class);

    private final String type;
    private final Class<? extends UnitFeedEvent> payload;

    UnitFeedType(String type, Class<? extends UnitFeedEvent> payload) {
        this.type = type;
        this.payload = payload;
    }

    @Override
    public String type() {
        return type;
    }

    /** The catalogue's address; each unit has its own topic, {@link Topics#unitFeed(String)}. */
    @Override
    public String topic() {
        return Topics.unitFeed("{unitCode}");
    }

    public Class<? extends UnitFeedEvent> payload() {
        return payload;
    }

    public static UnitFeedType of(UnitFeedEvent event) {
        return Arrays.stream(values()).filter(t -> t.payload.isInstance(event)).findFirst().orElseThrow();
    }

    public static Optional<UnitFeedType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
