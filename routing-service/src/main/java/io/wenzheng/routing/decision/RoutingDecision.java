package io.wenzheng.routing.decision;

import io.wenzheng.routing.directory.Unit;
import java.util.List;

/** What routing decided for a petition, always with a reason a person can read. */
public sealed interface RoutingDecision {
    String reason();

    double confidence();

    /**
     * @param rule which kind of rule chose the unit: {@code override:<name>}, {@code locality}, {@code coordinates},
     *             {@code lead:<name>} or {@code city-department}
     * @param matchedTerms the words that decided: the classifier's strongest n-grams, then the place named
     */
    record Routed(String category, Unit unit, double confidence, String rule, List<String> matchedTerms, String reason)
            implements RoutingDecision {
    }

    record Triage(String suggestedCategory, double confidence, String reason) implements RoutingDecision {
    }
}
