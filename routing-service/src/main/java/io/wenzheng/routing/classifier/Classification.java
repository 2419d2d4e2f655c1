package io.wenzheng.routing.classifier;

import java.util.List;

/** A category guess with how sure it is and the evidence for it. */
public record Classification(String category, double confidence, List<String> evidence) {

    public static Classification unknown() {
        return new Classification(null, 0.0, List.of());
    }

    public boolean known() {
        return category != null;
    }
}
