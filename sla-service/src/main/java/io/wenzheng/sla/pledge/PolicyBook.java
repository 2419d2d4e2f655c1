package io.wenzheng.sla.pledge;

import java.util.Map;

/** The default pledge policy and the categories that differ from it. */
public record PolicyBook(PledgePolicy defaults, Map<String, PledgePolicy> byCategory) {
    public PolicyBook {
        byCategory = Map.copyOf(byCategory);
    }

    public static PolicyBook standard() {
        return new PolicyBook(PledgePolicy.DEFAULT, Map.of());
    }

    public PledgePolicy policyFor(String category) {
        return category == null ? defaults : byCategory.getOrDefault(category, defaults);
    }
}
