package io.wenzheng.bench;

import java.util.List;

/** A durable timer implementation under test: it loads deadlines, fires them, and says what it fired when. */
interface TimerEngine extends AutoCloseable {
    String name();

    /** Empties the store and bulk-loads {@code count} far-future pending deadlines. */
    void loadPending(int count, java.time.Instant farAway) throws Exception;

    /** Adds the deadlines that will fire during the run, and starts firing. */
    void arm(List<Plan.Deadline> firing) throws Exception;

    /** Firings committed so far. */
    long fired() throws Exception;

    /** Every firing, with its commit time. */
    List<Firing> firings() throws Exception;

    /** Stops firing (the engine may keep its process for the next run). */
    void disarm() throws Exception;
}
