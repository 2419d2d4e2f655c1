package io.wenzheng.contracts;

/** Which public promise a deadline enforces. */
public enum Pledge {
    /** 有呼必应: the first response to the citizen. */
    FIRST_RESPONSE,
    /** 办结: resolution by the end of the N-th working day after receipt. */
    RESOLUTION,
    /** 进展: after the first response, a progress update at least every N working days until resolution. */
    PROGRESS
}
