package io.wenzheng.contracts;

import java.util.List;

/**
 * Why routing chose a unit, for machines as well as people.
 *
 * @param rule {@code override:<name>}, {@code locality}, {@code coordinates}, {@code lead:<name>}, {@code city-department}
 *             or {@code operator}
 * @param matchedTerms the words that decided: the classifier's strongest n-grams, then the place named
 */
public record RoutingExplanation(String rule, List<String> matchedTerms) {
    public RoutingExplanation {
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
    }
}
