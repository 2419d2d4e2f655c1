package io.wenzheng.contracts;

import java.time.Instant;

/** A routing rule (category × place → unit, with a priority) was added, changed or removed. */
public record RoutingRuleChanged(
        String ruleName,
        DirectoryEvent.Change change,
        Rule rule,
        String directoryVersion,
        Instant changedAt) implements DirectoryEvent {

    /** @param category null when the rule holds for every category; @param place null when it holds everywhere */
    public record Rule(String category, String place, String unitCode, int priority) {
    }

    @Override
    public String key() {
        return ruleName;
    }
}
