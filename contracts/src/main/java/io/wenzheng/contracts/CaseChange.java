package io.wenzheng.contracts;

/** What happened to a petition, as its unit's feed names it. */
public enum CaseChange {
    /** The petition is now this unit's (分派). */
    ROUTED,
    /** An operator moved the petition to this unit (转办). */
    TRANSFERRED_IN,
    /** An operator moved the petition away from this unit; it is no longer this unit's. */
    TRANSFERRED_AWAY,
    /** This unit handed it back (回退); it is no longer this unit's. */
    RETURNED,
    SIGNED_FOR,
    RESPONDED,
    PROGRESS_REPORTED,
    AWAITING_CITIZEN,
    CITIZEN_REPLIED,
    RESOLVED,
    RATED,
    /** The citizen was not satisfied (重办); the unit must act again. */
    REOPENED,
    /** Merged into an earlier petition; nothing more to do on this one. */
    MERGED,
    /** Refused as spam or invalid; nothing more to do. */
    REJECTED,
    /** A pledge clock started. */
    DEADLINE_SET,
    /** A pledge clock's due time moved, e.g. when a holiday notice was loaded. */
    DEADLINE_MOVED,
    /** 催办 by the timer: most of the allowed time has gone. */
    WARNING,
    BREACHED,
    /** 督办. */
    ESCALATED,
    /** 催办 by the supervision office, with a note. */
    CHASED,
    CLOCK_MET,
    CLOCK_PAUSED
}
