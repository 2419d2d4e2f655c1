package io.wenzheng.contracts;

/** An event on a unit's feed; like the lifecycle, keyed by and about one petition. */
public sealed interface UnitFeedEvent permits CaseUpdate, CommandResult {
    String petitionId();
}
