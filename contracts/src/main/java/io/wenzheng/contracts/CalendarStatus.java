package io.wenzheng.contracts;

/**
 * Whether a deadline rests on the State Council's published holiday notice for every year it touches (OFFICIAL), or
 * on at least one year the sla-service had to compute from the statutory holiday rules because no notice was loaded
 * yet (PROVISIONAL). A provisional deadline is still a deadline; it may move later once the notice is loaded.
 */
public enum CalendarStatus {
    OFFICIAL,
    PROVISIONAL
}
