package io.wenzheng.contracts;

/** Which public promise a deadline enforces. */
public enum Pledge {
    /** 有呼必应: the first response to the citizen. */
    FIRST_RESPONSE
}
