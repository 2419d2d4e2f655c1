package io.wenzheng.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** How late a set of firings became visible: nearest-rank percentiles of (commit time − due time). */
public record Lateness(int count, Duration p50, Duration p99, Duration max) {

    public static Lateness of(List<Duration> lateness) {
        if (lateness.isEmpty()) {
            return new Lateness(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        long[] micros = lateness.stream().mapToLong(d -> d.toNanos() / 1000).toArray();
        Arrays.sort(micros);
        return new Lateness(micros.length, Duration.ofNanos(rank(micros, 50) * 1000), Duration.ofNanos(rank(micros, 99) * 1000),
                Duration.ofNanos(micros[micros.length - 1] * 1000));
    }

    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public static String millis(Duration d) {
        return String.format("%,d ms", d.toMillis());
    }
}
