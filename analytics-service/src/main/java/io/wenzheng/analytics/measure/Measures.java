package io.wenzheng.analytics.measure;

/**
 * The figures of a set of petitions, derived from their {@link Counters}. Rates are null where their denominator is
 * zero: "no petitions" is not "0%". Durations are in hours.
 */
public record Measures(
        long received,
        long routed,
        long responded,
        long respondedOnTime,
        long breached,
        /** Share of first responses decided in time: met / (met + breached). */
        Double onTimeRate,
        long resolved,
        /** 办结率: resolved / routed. */
        Double completionRate,
        Double firstResponseMeanHours,
        Double firstResponseP90Hours,
        Double resolutionMeanHours,
        Double resolutionP90Hours,
        long rated,
        /** Ratings of 4 or 5 over all ratings. */
        Double satisfactionRate,
        Double meanRating,
        long handedBack,
        /** 回退率: hand-backs / (petitions the unit kept + hand-backs): of what it was given, how much it gave back. */
        Double handBackRate,
        long reopened,
        /** Reopened / resolved. */
        Double reopenRate) {

    public static Measures of(Counters c) {
        return new Measures(c.received(), c.routed(), c.responded(), c.firstResponseMet(), c.firstResponseBreached(),
                ratio(c.firstResponseMet(), c.firstResponseMet() + c.firstResponseBreached()),
                c.resolved(), ratio(c.resolved(), c.routed()),
                hours(c.firstResponseSeconds(), c.firstResponseTimes().total()), p90Hours(c.firstResponseTimes()),
                hours(c.resolutionSeconds(), c.resolutionTimes().total()), p90Hours(c.resolutionTimes()),
                c.rated(), ratio(c.satisfied(), c.rated()), c.rated() == 0 ? null : round((double) c.ratingSum() / c.rated()),
                c.handedBack(), ratio(c.handedBack(), c.routed() + c.handedBack()),
                c.reopened(), ratio(c.reopened(), c.resolved()));
    }

    static Double ratio(long part, long whole) {
        return whole <= 0 ? null : round((double) part / whole);
    }

    private static Double hours(long seconds, long count) {
        return count <= 0 ? null : round(seconds / 3600.0 / count);
    }

    private static Double p90Hours(DurationHistogram histogram) {
        Double seconds = histogram.quantileSeconds(0.9);
        return seconds == null ? null : round(seconds / 3600.0);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
