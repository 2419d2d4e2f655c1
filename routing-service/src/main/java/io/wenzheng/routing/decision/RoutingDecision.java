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

    /**
     * @param why what a person must decide, in a form the console words in the reader's language
     * @param words the words of the petition behind the suggestion, as a person reads them (no feature marks)
     */
    record Triage(String suggestedCategory, double confidence, Why why, List<String> words, String reason) implements RoutingDecision {
    }

    /** Why a petition waits for a person. */
    enum Why {
        /** The classifier recognised no category. */
        NO_CATEGORY,
        /** The classifier's guess is below the confidence routing acts on alone. */
        LOW_CONFIDENCE,
        /** No unit in the directory answers for the category (or every one handed it back). */
        NO_UNIT,
        /** Units handed it back to each other: the supervision office decides. */
        BOUNCED
    }
}
