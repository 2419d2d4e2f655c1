package io.wenzheng.intake.admission;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many petition filings intake holds at once, from a request's arrival to its answer. A request beyond the limit
 * is refused before any of its work (token, signature, XML, the nonce's write) is done: in a burst, refusals that did
 * that work first cost about 0.7 ms of intake's CPU each (docs/performance.md).
 */
public final class AdmissionGate {
    private final int limit;
    private final AtomicInteger inProcess = new AtomicInteger();

    public AdmissionGate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("admission limit must be at least 1, not " + limit);
        }
        this.limit = limit;
    }

    /** A place in the gate, or null when every place is taken. */
    public Ticket tryEnter() {
        while (true) {
            int now = inProcess.get();
            if (now >= limit) {
                return null;
            }
            if (inProcess.compareAndSet(now, now + 1)) {
                return new Ticket();
            }
        }
    }

    public int inProcess() {
        return inProcess.get();
    }

    public int limit() {
        return limit;
    }

    /** Gives its place back once, however many of a request's ends (answered, failed, connection closed) report it. */
    public final class Ticket {
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Ticket() {
        }

        public void release() {
            if (held.compareAndSet(true, false)) {
                inProcess.decrementAndGet();
            }
        }
    }
}
