package io.wenzheng.analytics.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    @Test
    void bucketsGrowByRootTwoFromOneMinute() {
        assertThat(DurationHistogram.bucketOf(Duration.ofSeconds(59))).isZero();
        assertThat(DurationHistogram.bucketOf(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(DurationHistogram.bucketOf(Duration.ofSeconds(84))).isEqualTo(1);
        assertThat(DurationHistogram.bucketOf(Duration.ofSeconds(85))).isEqualTo(2);
        assertThat(DurationHistogram.bucketOf(Duration.ofMinutes(120))).as("2 h = 120 min, log2(120) = 6.9").isEqualTo(14);
        assertThat(DurationHistogram.bucketOf(Duration.ofDays(5000))).isEqualTo(DurationHistogram.BUCKETS - 1);
        assertThat(DurationHistogram.bucketOf(Duration.ofSeconds(-5))).as("clock skew counts as instant").isZero();
    }

    @Test
    void p90IsWithinTheBucketErrorOfTheTrueValue() {
        Random random = new Random(11);
        long[] seconds = IntStream.range(0, 10_000).mapToLong(i -> (long) (60 + random.nextDouble() * 86_400 * 3)).sorted().toArray();
        DurationHistogram h = DurationHistogram.empty();
        for (long s : seconds) {
            h = h.with(DurationHistogram.bucketOf(Duration.ofSeconds(s)), 1);
        }
        double truth = seconds[(int) Math.ceil(0.9 * seconds.length) - 1];
        assertThat(h.quantileSeconds(0.9)).isCloseTo(truth, within(truth * 0.19));
        assertThat(h.total()).isEqualTo(10_000);
    }

    @Test
    void histogramsAddAndAnEmptyOneHasNoQuantile() {
        DurationHistogram a = DurationHistogram.empty().with(3, 2);
        DurationHistogram b = DurationHistogram.empty().with(3, 1).with(7, 1);
        assertThat(a.plus(b).counts()[3]).isEqualTo(3);
        assertThat(a.plus(b).total()).isEqualTo(4);
        assertThat(DurationHistogram.empty().quantileSeconds(0.9)).isNull();
    }
}
