package io.wenzheng.analytics.fact;

/** The first-response pledge as analytics sees it. */
public enum SlaState {
    RUNNING, MET, BREACHED
}
