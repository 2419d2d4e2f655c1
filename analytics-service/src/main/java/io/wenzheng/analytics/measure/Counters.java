package io.wenzheng.analytics.measure;

/**
 * Additive counts for a set of petitions. Every figure the city asks for is a ratio or a quantile of these, so the
 * read model stores them per day and cut, and any period or filter is a sum.
 */
public record Counters(
        long received,
        long routed,
        long responded,
        long firstResponseMet,
        long firstResponseBreached,
        long resolved,
        long handedBack,
        long reopened,
        long rated,
        long satisfied,
        long ratingSum,
        long firstResponseSeconds,
        long resolutionSeconds,
        /** Still open now: not resolved or closed. With the day, this is the backlog by age. */
        long open,
        long openBreached,
        long openEscalated,
        DurationHistogram firstResponseTimes,
        DurationHistogram resolutionTimes) {

    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            DurationHistogram.empty(), DurationHistogram.empty());

    public Counters plus(Counters o) {
        return new Counters(received + o.received, routed + o.routed, responded + o.responded,
                firstResponseMet + o.firstResponseMet, firstResponseBreached + o.firstResponseBreached,
                resolved + o.resolved, handedBack + o.handedBack, reopened + o.reopened, rated + o.rated,
                satisfied + o.satisfied, ratingSum + o.ratingSum, firstResponseSeconds + o.firstResponseSeconds,
                resolutionSeconds + o.resolutionSeconds, open + o.open, openBreached + o.openBreached,
                openEscalated + o.openEscalated, firstResponseTimes.plus(o.firstResponseTimes),
                resolutionTimes.plus(o.resolutionTimes));
    }

    public Counters negate() {
        return ZERO.minus(this);
    }

    public Counters minus(Counters o) {
        long[] fr = firstResponseTimes.counts();
        long[] res = resolutionTimes.counts();
        long[] ofr = o.firstResponseTimes.counts();
        long[] ores = o.resolutionTimes.counts();
        for (int i = 0; i < DurationHistogram.BUCKETS; i++) {
            fr[i] -= ofr[i];
            res[i] -= ores[i];
        }
        return new Counters(received - o.received, routed - o.routed, responded - o.responded,
                firstResponseMet - o.firstResponseMet, firstResponseBreached - o.firstResponseBreached,
                resolved - o.resolved, handedBack - o.handedBack, reopened - o.reopened, rated - o.rated,
                satisfied - o.satisfied, ratingSum - o.ratingSum, firstResponseSeconds - o.firstResponseSeconds,
                resolutionSeconds - o.resolutionSeconds, open - o.open, openBreached - o.openBreached,
                openEscalated - o.openEscalated, DurationHistogram.of(fr), DurationHistogram.of(res));
    }

    public boolean isZero() {
        return equals(ZERO);
    }
}
