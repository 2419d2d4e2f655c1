package io.wenzheng.analytics.fact;

import io.wenzheng.analytics.measure.Counters;
import io.wenzheng.analytics.measure.DurationHistogram;
import io.wenzheng.contracts.PetitionStatus;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What one petition adds to the pre-aggregated counters. When an event changes a fact, the read model receives
 * the difference between the contribution after and the one before, so each petition is counted exactly once
 * however often its unit, status or times change.
 */
public record Contribution(MeasureKey key, Counters counters) {

    /** Empty until the petition's receipt is known: without a day it belongs to no row. */
    public static Optional<Contribution> of(FactSnapshot fact, ZoneId zone) {
        if (fact == null || fact.receivedAt() == null) {
            return Optional.empty();
        }
        MeasureKey key = new MeasureKey(fact.receivedAt().atZone(zone).toLocalDate(), orEmpty(fact.unitCode()),
                orEmpty(fact.category()), fact.channel() == null ? "" : fact.channel().name(), orEmpty(fact.districtCode()));
        boolean resolved = fact.status() == PetitionStatus.RESOLVED || fact.status() == PetitionStatus.CLOSED;
        boolean open = fact.status() == null || fact.status().open();
        DurationHistogram firstResponseTimes = DurationHistogram.empty();
        long firstResponseSeconds = 0;
        if (fact.firstRespondedAt() != null) {
            Duration d = Duration.between(fact.receivedAt(), fact.firstRespondedAt());
            firstResponseSeconds = Math.max(0, d.toSeconds());
            firstResponseTimes = firstResponseTimes.with(DurationHistogram.bucketOf(d), 1);
        }
        DurationHistogram resolutionTimes = DurationHistogram.empty();
        long resolutionSeconds = 0;
        if (resolved && fact.resolvedAt() != null) {
            Duration d = Duration.between(fact.receivedAt(), fact.resolvedAt());
            resolutionSeconds = Math.max(0, d.toSeconds());
            resolutionTimes = resolutionTimes.with(DurationHistogram.bucketOf(d), 1);
        }
        Integer rating = fact.rating();
        Counters counters = new Counters(1, fact.unitCode() == null ? 0 : 1, fact.firstRespondedAt() == null ? 0 : 1,
                fact.slaState() == SlaState.MET ? 1 : 0, fact.slaState() == SlaState.BREACHED ? 1 : 0,
                resolved ? 1 : 0, 0, fact.reopens() > 0 ? 1 : 0,
                rating == null ? 0 : 1, rating != null && rating >= 4 ? 1 : 0, rating == null ? 0 : rating,
                firstResponseSeconds, resolutionSeconds, open ? 1 : 0,
                open && fact.slaState() == SlaState.BREACHED ? 1 : 0, open && fact.escalationLevel() > 0 ? 1 : 0,
                firstResponseTimes, resolutionTimes);
        return Optional.of(new Contribution(key, counters));
    }

    /**
     * 回退 counts against the unit that handed the petition back, not the one that ends up with it: one more for that
     * unit's row, on the petition's day and cut as they were when it gave the petition back.
     */
    public static Optional<Contribution> handBack(FactSnapshot before, String unitCode, ZoneId zone) {
        return of(before, zone).map(c -> new Contribution(
                new MeasureKey(c.key().day(), unitCode == null ? "" : unitCode, c.key().category(), c.key().channel(),
                        c.key().districtCode()),
                new Counters(0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, DurationHistogram.empty(), DurationHistogram.empty())));
    }

    /** The changes to apply to the read model when a fact moves from {@code before} to {@code after}. */
    public static List<Contribution> delta(Optional<Contribution> before, Optional<Contribution> after) {
        if (before.isPresent() && after.isPresent() && before.get().key().equals(after.get().key())) {
            Counters difference = after.get().counters().minus(before.get().counters());
            return difference.isZero() ? List.of() : List.of(new Contribution(after.get().key(), difference));
        }
        return java.util.stream.Stream.concat(
                before.map(b -> new Contribution(b.key(), b.counters().negate())).stream(), after.stream()).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
