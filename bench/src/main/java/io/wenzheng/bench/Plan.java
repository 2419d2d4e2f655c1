package io.wenzheng.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadlines of one run. {@code pending} timers wait far in the future, as a city's open petitions do; on top of
 * them, {@code steady} deadlines come due evenly over {@code window} (lateness at an ordinary rate) and then
 * {@code burst} deadlines come due at one instant (throughput: how fast a backlog clears).
 */
public record Plan(int pending, int steady, Duration window, int burst) {
    public static final String PENDING = "P";
    public static final String STEADY = "S";
    public static final String BURST = "B";

    public record Deadline(String petitionId, Instant dueAt) {
    }

    public static String petitionId(String kind, long n) {
        return String.format("%s%025d", kind, n);
    }

    /** The firing deadlines, the first due at {@code start}; the burst comes ten seconds after the steady stream. */
    public List<Deadline> firing(Instant start) {
        List<Deadline> out = new ArrayList<>(steady + burst);
        long windowMicros = window.toNanos() / 1000;
        for (int i = 0; i < steady; i++) {
            out.add(new Deadline(petitionId(STEADY, i), start.plusNanos(windowMicros * i / steady * 1000)));
        }
        Instant burstAt = burstAt(start);
        for (int i = 0; i < burst; i++) {
            out.add(new Deadline(petitionId(BURST, i), burstAt));
        }
        return out;
    }

    public Instant burstAt(Instant start) {
        return start.plus(window).plusSeconds(10);
    }

    public int firingCount() {
        return steady + burst;
    }
}
