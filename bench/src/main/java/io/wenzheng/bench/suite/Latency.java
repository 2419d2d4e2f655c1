package io.wenzheng.bench.suite;

import java.util.Arrays;

/** Percentiles of a set of durations, in milliseconds. */
record Latency(int count, double p50, double p95, double p99, double max) {
    static Latency ofMicros(long[] micros) {
        if (micros.length == 0) {
            return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new Latency(sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1000.0);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }

    String row(String name) {
        return String.format("| %s | %,d | %s | %s | %s | %s |", name, count, ms(p50), ms(p95), ms(p99), ms(max));
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : v >= 1000 ? String.format("%,.2f s", v / 1000) : String.format("%.1f ms", v);
    }
}
