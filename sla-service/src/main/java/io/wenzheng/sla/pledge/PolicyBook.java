package io.wenzheng.sla.pledge;

import java.util.Map;

/**
 * The default pledge policy, and what regions and categories change in it. A category's change is applied after
 * its region's, so "城乡建设 gets 10 working days" holds in every region.
 */
public record PolicyBook(PledgePolicy defaults, Map<String, PolicyChange> byRegion, Map<String, PolicyChange> byCategory) {
    public PolicyBook {
        byRegion = Map.copyOf(byRegion);
        byCategory = Map.copyOf(byCategory);
    }

    public static PolicyBook standard() {
        return new PolicyBook(PledgePolicy.DEFAULT, Map.of(), Map.of());
    }

    public PledgePolicy policyFor(String region, String category) {
        PledgePolicy regional = region == null ? defaults : byRegion.getOrDefault(region, PolicyChange.NONE).applyTo(defaults);
        return category == null ? regional : byCategory.getOrDefault(category, PolicyChange.NONE).applyTo(regional);
    }
}
