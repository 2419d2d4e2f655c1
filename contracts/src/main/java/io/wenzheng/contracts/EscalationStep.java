package io.wenzheng.contracts;

/** Who is chased when a deadline is missed, in order. */
public enum EscalationStep {
    UNIT_STAFF, UNIT_HEAD, SUPERVISION_OFFICE
}
