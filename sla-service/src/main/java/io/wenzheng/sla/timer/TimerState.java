package io.wenzheng.sla.timer;

/** A deadline timer runs until the unit acts (MET) or time runs out (BREACHED). */
public enum TimerState {
    RUNNING, MET, BREACHED
}
