package io.wenzheng.analytics.measure;

import java.time.Duration;
import java.util.Arrays;

/**
 * Counts of durations in buckets that grow by √2, from one minute to about a year. Summing two histograms is
 * adding their counts, which is what lets p90 come from pre-aggregated rows instead of from every petition. A
 * percentile read from it is the geometric middle of its bucket: within 19% of the true value.
 */
public final class DurationHistogram {
    public static final int BUCKETS = 40;
    private static final double FIRST_BOUND_SECONDS = 60;

    private final long[] counts;

    private DurationHistogram(long[] counts) {
        this.counts = counts;
    }

    public static DurationHistogram empty() {
        return new DurationHistogram(new long[BUCKETS]);
    }

    public static DurationHistogram of(long[] counts) {
        if (counts.length != BUCKETS) {
            throw new IllegalArgumentException("a histogram has " + BUCKETS + " buckets, not " + counts.length);
        }
        return new DurationHistogram(counts.clone());
    }

    /** The bucket of a duration: 0 below one minute, then one bucket per factor of √2. */
    public static int bucketOf(Duration duration) {
        double seconds = Math.max(0, duration.toMillis() / 1000.0);
        if (seconds < FIRST_BOUND_SECONDS) {
            return 0;
        }
        int bucket = 1 + (int) Math.floor(2 * log2(seconds / FIRST_BOUND_SECONDS));
        return Math.min(bucket, BUCKETS - 1);
    }

    /** Lower bound of a bucket in seconds. */
    static double lowerBound(int bucket) {
        return bucket == 0 ? 0 : FIRST_BOUND_SECONDS * Math.pow(2, (bucket - 1) / 2.0);
    }

    public DurationHistogram with(int bucket, long delta) {
        long[] copy = counts.clone();
        copy[bucket] += delta;
        return new DurationHistogram(copy);
    }

    public DurationHistogram plus(DurationHistogram other) {
        long[] sum = counts.clone();
        for (int i = 0; i < BUCKETS; i++) {
            sum[i] += other.counts[i];
        }
        return new DurationHistogram(sum);
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    public long[] counts() {
        return counts.clone();
    }

    /** The q-quantile (0 < q ≤ 1) in seconds, or null when the histogram is empty. */
    public Double quantileSeconds(double q) {
        long total = total();
        if (total <= 0) {
            return null;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += counts[b];
            if (seen >= rank) {
                return b == 0 ? FIRST_BOUND_SECONDS / 2 : Math.sqrt(lowerBound(b) * lowerBound(b + 1));
            }
        }
        return lowerBound(BUCKETS - 1);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurationHistogram h && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return Arrays.toString(counts);
    }
}
