package io.wenzheng.sla.calendar.astronomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The worked examples of Meeus, Astronomical Algorithms (2nd ed.), and the new moon the issue names. */
class AstronomyTest {

    @Test
    void theNewMoonOfFebruary1977IsMeeusExample49a() {
        // k = -283: JDE 2443192.65118, 1977 February 18, 3h37m42s TD.
        assertThat(NewMoons.julianEphemerisDay(-283)).isCloseTo(2443192.65118, within(0.00001));
    }

    @Test
    void theNewMoonThatStarts2027IsSixMinutesBeforeMidnightInBeijing() {
        long k = NewMoons.lunationAtOrBefore(Instant.parse("2027-02-07T00:00:00Z"));
        Instant newMoon = NewMoons.newMoon(k);
        // Published: 6 February 2027, 15:56 UTC (23:56 in Beijing).
        assertThat(Duration.between(Instant.parse("2027-02-06T15:56:00Z"), newMoon).abs()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void theSunsApparentLongitudeIsMeeusExample25b() {
        // 1992 October 13.0 TD: apparent longitude 199°54'21.818" by the full VSOP87.
        double expected = 199 + 54 / 60.0 + 21.818 / 3600.0;
        assertThat(SunLongitude.apparentAtJde(2448908.5)).isCloseTo(expected, within(1.5 / 3600.0));
    }

    @Test
    void theSunReachesNinetyDegreesAtTheJuneSolsticeOf1962() {
        // Meeus example 27.a: JDE 2437837.39245 (21 June 1962, 21h25m08s TD); a minute of time is 0.00068°.
        assertThat(SunLongitude.apparentAtJde(2437837.39245)).isCloseTo(90.0, within(0.00068));
    }

    @Test
    void aSolarTermIsFoundWhereTheLongitudeIsReached() {
        Instant qingming = SunLongitude.reachesInYear(15, 2025);
        assertThat(SunLongitude.apparentAt(qingming)).isCloseTo(15.0, within(1e-6));
        assertThat(SunLongitude.apparentAt(qingming.minusSeconds(3600))).isLessThan(15.0);
        // Published by the Purple Mountain Observatory: 清明 2025 at 20:48:34 Beijing time.
        assertThat(Duration.between(Instant.parse("2025-04-04T12:48:34Z"), qingming).abs()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void theWinterSolsticeIsInDecember() {
        // 冬至 2024: 21 December, 17:20:34 Beijing time.
        Instant solstice = SunLongitude.reachesInYear(270, 2024);
        assertThat(Duration.between(Instant.parse("2024-12-21T09:20:34Z"), solstice).abs()).isLessThan(Duration.ofSeconds(60));
    }
}
