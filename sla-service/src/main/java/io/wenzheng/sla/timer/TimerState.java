package io.wenzheng.sla.timer;

/** A deadline timer runs until the unit acts (MET) or time runs out (BREACHED). */
public enum TimerState {
    RUNNING,
    /** Stopped while the unit waits for the citizen; it keeps the working time it had left. */
    PAUSED,
    MET,
    BREACHED,
    /** The petition ended without an answer being owed: merged into another, or rejected as spam or invalid. */
    CANCELLED
}
