package io.wenzheng.analytics.summary;

/** The first-response pledge as analytics sees it. */
public enum SlaState {
    RUNNING, MET, BREACHED
}
