package io.wenzheng.sla.calendar;

/** Where a year's holidays come from. */
public enum YearSource {
    /** A State Council notice shipped with the service. */
    BUNDLED,
    /** A State Council notice an administrator loaded at run time. */
    LOADED,
    /** Computed from the statutory rules, because no notice is known yet. */
    PROVISIONAL;

    public boolean official() {
        return this != PROVISIONAL;
    }
}
