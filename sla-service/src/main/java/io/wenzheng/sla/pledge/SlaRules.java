package io.wenzheng.sla.pledge;

import io.wenzheng.sla.calendar.CalendarRegions;

/** The calendars by region and the policies by region and category: together they fix every deadline of a petition. */
public record SlaRules(CalendarRegions regions, PolicyBook policies) {

    /** Deadlines for a petition in a region (null: the default region) and a category (null: not yet known). */
    public PetitionDeadlines deadlines(String region, String category) {
        return new PetitionDeadlines(regions.calendar(region), policies.policyFor(region, category));
    }
}
