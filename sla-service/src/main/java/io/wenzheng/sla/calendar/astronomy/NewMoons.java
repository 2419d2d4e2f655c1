package io.wenzheng.sla.calendar.astronomy;

import java.time.Instant;

/**
 * The instants of new moon (朔), by Meeus, <i>Astronomical Algorithms</i> (2nd ed.), chapter 49, with all its periodic
 * and planetary terms: within 17 s of the ELP-2000/82 lunar theory, 4 s on average.
 */
public final class NewMoons {
    private static final double SYNODIC_MONTH = 29.530588861;

    /** {multiplier of M', of M, of F, of Ω, power of E, coefficient in days}. */
    private static final double[][] TERMS = {
            {1, 0, 0, 0, 0, -0.40720}, {0, 1, 0, 0, 1, 0.17241}, {2, 0, 0, 0, 0, 0.01608},
            {0, 0, 2, 0, 0, 0.01039}, {1, -1, 0, 0, 1, 0.00739}, {1, 1, 0, 0, 1, -0.00514},
            {0, 2, 0, 0, 2, 0.00208}, {1, 0, -2, 0, 0, -0.00111}, {1, 0, 2, 0, 0, -0.00057},
            {2, 1, 0, 0, 1, 0.00056}, {3, 0, 0, 0, 0, -0.00042}, {0, 1, 2, 0, 1, 0.00042},
            {0, 1, -2, 0, 1, 0.00038}, {2, -1, 0, 0, 1, -0.00024}, {0, 0, 0, 1, 0, -0.00017},
            {1, 2, 0, 0, 0, -0.00007}, {2, 0, -2, 0, 0, 0.00004}, {0, 3, 0, 0, 0, 0.00004},
            {1, 1, -2, 0, 0, 0.00003}, {2, 0, 2, 0, 0, 0.00003}, {1, 1, 2, 0, 0, -0.00003},
            {1, -1, 2, 0, 0, 0.00003}, {1, -1, -2, 0, 0, -0.00002}, {3, 1, 0, 0, 0, -0.00002},
            {4, 0, 0, 0, 0, 0.00002}};

    /** The planetary arguments A1…A14: {constant, degrees per lunation, coefficient in days}. */
    private static final double[][] PLANETARY = {
            {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
            {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
            {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
            {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
            {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};

    private NewMoons() {
    }

    /** The k-th new moon counted from the one of 6 January 2000 (k = 0); negative k counts back. */
    public static Instant newMoon(long k) {
        return Ephemeris.instant(Ephemeris.universal(julianEphemerisDay(k)));
    }

    /** The number of the last new moon at or before the instant. */
    public static long lunationAtOrBefore(Instant instant) {
        double jd = Ephemeris.julianDay(instant);
        long k = (long) Math.floor((jd - 2451550.09766) / SYNODIC_MONTH);
        while (newMoon(k + 1).compareTo(instant) <= 0) {
            k++;
        }
        while (newMoon(k).isAfter(instant)) {
            k--;
        }
        return k;
    }

    static double julianEphemerisDay(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double sun = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
        double moon = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
        double latitude = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
        double node = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
        double correction = 0;
        for (double[] term : TERMS) {
            double argument = term[0] * moon + term[1] * sun + term[2] * latitude + term[3] * node;
            correction += term[5] * Math.pow(e, term[4]) * Ephemeris.sinDeg(argument);
        }
        for (int i = 0; i < PLANETARY.length; i++) {
            double argument = PLANETARY[i][0] + PLANETARY[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
            correction += PLANETARY[i][2] * Ephemeris.sinDeg(argument);
        }
        return jde + correction;
    }
}
