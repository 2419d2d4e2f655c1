package io.wenzheng.sla.calendar.astronomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Sun's apparent geocentric ecliptic longitude, and the instants it reaches a given longitude (the 24 solar terms,
 * 节气, are its multiples of 15°). The Earth's longitude comes from VSOP87 as abridged by Meeus (about 1″, so the
 * instant of a term is good to about 25 s); then the FK5 correction, nutation in longitude and aberration.
 */
public final class SunLongitude {
    private static final double[][][] EARTH_LONGITUDE = load("/calendar/astronomy/vsop87-earth-longitude.tsv");
    private static final double DAYS_PER_DEGREE = 365.2422 / 360.0;
    private static final double ARCSECOND = 1.0 / 3600.0;

    private SunLongitude() {
    }

    /** Apparent longitude in degrees, [0, 360). */
    public static double apparentAt(Instant instant) {
        return apparentAtJde(Ephemeris.terrestrial(Ephemeris.julianDay(instant)));
    }

    static double apparentAtJde(double jde) {
        double tau = (jde - Ephemeris.J2000) / 365250.0;
        double earth = 0;
        for (int n = 0; n < EARTH_LONGITUDE.length; n++) {
            double sum = 0;
            for (double[] term : EARTH_LONGITUDE[n]) {
                sum += term[0] * Math.cos(term[1] + term[2] * tau);
            }
            earth += sum * Math.pow(tau, n);
        }
        double geometric = Math.toDegrees(earth * 1e-8) + 180.0;
        double t = tau * 10.0;
        double meanAnomaly = 357.52911 + 35999.05029 * t;
        double distanceAu = 1.000140 - 0.016708 * Math.cos(Math.toRadians(meanAnomaly))
                - 0.000141 * Math.cos(Math.toRadians(2 * meanAnomaly));
        double apparent = geometric - 0.09033 * ARCSECOND + nutationInLongitude(t) - 20.4898 * ARCSECOND / distanceAu;
        return Ephemeris.normalizedDegrees(apparent);
    }

    /** Meeus (22): the four largest terms, good to 0.5″. */
    private static double nutationInLongitude(double t) {
        double node = 125.04452 - 1934.136261 * t;
        double sunMean = 280.4665 + 36000.7698 * t;
        double moonMean = 218.3165 + 481267.8813 * t;
        return (-17.20 * Ephemeris.sinDeg(node) - 1.32 * Ephemeris.sinDeg(2 * sunMean)
                - 0.23 * Ephemeris.sinDeg(2 * moonMean) + 0.21 * Ephemeris.sinDeg(2 * node)) * ARCSECOND;
    }

    /** The instant, within a few days of {@code near}, at which the apparent longitude is {@code degrees}. */
    public static Instant reaches(double degrees, Instant near) {
        double jde = Ephemeris.terrestrial(Ephemeris.julianDay(near));
        for (int i = 0; i < 50; i++) {
            double behind = degrees - apparentAtJde(jde);
            behind -= 360.0 * Math.floor((behind + 180.0) / 360.0);
            double step = behind * DAYS_PER_DEGREE;
            jde += step;
            if (Math.abs(step) < 1e-7) {
                break;
            }
        }
        return Ephemeris.instant(Ephemeris.universal(jde));
    }

    /** The instant in the given Gregorian year (in China's time, give or take a day) the Sun reaches {@code degrees}. */
    public static Instant reachesInYear(double degrees, int year) {
        // Longitude 0 is at the March equinox, about 20 March; 285° to 345° come before it, in January to March.
        double fromEquinox = degrees > 270 ? degrees - 360 : degrees;
        Instant equinox = Instant.parse(year + "-03-20T12:00:00Z");
        return reaches(degrees, equinox.plus(Duration.ofMinutes(Math.round(fromEquinox * DAYS_PER_DEGREE * 1440))));
    }

    private static double[][][] load(String resource) {
        List<List<double[]>> series = new ArrayList<>();
        try (InputStream in = SunLongitude.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                int n = Integer.parseInt(f[0]);
                while (series.size() <= n) {
                    series.add(new ArrayList<>());
                }
                series.get(n).add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return series.stream().map(s -> s.toArray(double[][]::new)).toArray(double[][][]::new);
    }
}
