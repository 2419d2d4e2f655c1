package io.wenzheng.contracts;

/**
 * What routing publishes on {@link Topics#DIRECTORY} when the unit directory changes. Like insights, these are about
 * no petition: each is keyed by what changed (a unit's code, a rule's name), so one unit's changes stay in order.
 */
public sealed interface DirectoryEvent permits UnitChanged, RoutingRuleChanged {
    /** The Kafka key and CloudEvents subject. */
    String key();

    enum Change { ADDED, UPDATED, REMOVED }
}
