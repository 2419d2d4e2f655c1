package io.wenzheng.routing.decision;

import io.wenzheng.routing.directory.Unit;

/** What routing decided for a petition, always with a reason a person can read. */
public sealed interface RoutingDecision {
    String reason();

    double confidence();

    record Routed(String category, Unit unit, double confidence, String reason) implements RoutingDecision {
    }

    record Triage(String suggestedCategory, double confidence, String reason) implements RoutingDecision {
    }
}
