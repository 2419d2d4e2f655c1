package io.wenzheng.contracts;

/** Whether a petition arrived in office hours (1 h pledge) or in rest time and holidays (8 h pledge). */
public enum TimeBasis {
    WORKING_TIME, REST_TIME
}
