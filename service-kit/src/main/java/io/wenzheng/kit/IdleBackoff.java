package io.wenzheng.kit;

import java.time.Duration;

/**
 * The pause of a polling loop that finds nothing to do, doubled after each empty round up to a longest pause, and
 * back to the first as soon as a round finds work: an idle service does not query its database several times a
 * second, and a busy one is not slowed down.
 */
public final class IdleBackoff {
    private final Duration first;
    private final Duration longest;
    private Duration current;

    public IdleBackoff(Duration first, Duration longest) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= longest, got " + first + " and " + longest);
        }
        this.first = first;
        this.longest = longest;
        this.current = first;
    }

    /** After a round that found work: the given pause, and the idle pauses start again from the first. */
    public synchronized Duration busy(Duration pause) {
        current = first;
        return pause;
    }

    /** After a round that found nothing: the current idle pause, and a longer one next time. */
    public synchronized Duration idle() {
        Duration pause = current;
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(longest) > 0 ? longest : doubled;
        return pause;
    }
}
