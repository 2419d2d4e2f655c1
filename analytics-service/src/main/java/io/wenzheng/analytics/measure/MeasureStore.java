package io.wenzheng.analytics.measure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.analytics.fact.Contribution;
import io.wenzheng.analytics.fact.MeasureKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pre-aggregated read model: adds contributions to it, and sums it for any period, filter and cut. */
@ApplicationScoped
public class MeasureStore {
    private static final String COUNTER_COLUMNS = "received, routed, responded, first_response_met, first_response_breached, "
            + "resolved, handed_back, reopened, rated, satisfied, rating_sum, first_response_seconds, resolution_seconds";
    private static final String UPSERT_MEASURE = "insert into daily_measure (day, unit_code, category, channel, district_code, "
            + COUNTER_COLUMNS + ") values (:day, :unit, :category, :channel, :district, "
            + ":received, :routed, :responded, :met, :breached, :resolved, :handedBack, :reopened, :rated, :satisfied, "
            + ":ratingSum, :frSeconds, :resSeconds) on conflict (day, unit_code, category, channel, district_code) do update set "
            + sumsOnConflict();
    private static final String UPSERT_DURATION = "insert into daily_duration (day, unit_code, category, channel, district_code, "
            + "measure, bucket, petitions) values (:day, :unit, :category, :channel, :district, :measure, :bucket, :petitions) "
            + "on conflict (day, unit_code, category, channel, district_code, measure, bucket) do update set "
            + "petitions = daily_duration.petitions + excluded.petitions";

    private static String sumsOnConflict() {
        List<String> sets = new ArrayList<>();
        for (String column : COUNTER_COLUMNS.split(", ")) {
            sets.add(column + " = daily_measure." + column + " + excluded." + column);
        }
        return String.join(", ", sets);
    }

    /** Adds contributions in the caller's transaction. */
    public Uni<Void> add(List<Contribution> contributions) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Contribution contribution : contributions) {
            chain = chain.chain(() -> upsert(contribution));
        }
        return chain;
    }

    private Uni<Void> upsert(Contribution contribution) {
        MeasureKey key = contribution.key();
        Counters c = contribution.counters();
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(UPSERT_MEASURE);
            bindKey(query::setParameter, key);
            query.setParameter("received", c.received()).setParameter("routed", c.routed())
                    .setParameter("responded", c.responded()).setParameter("met", c.firstResponseMet())
                    .setParameter("breached", c.firstResponseBreached()).setParameter("resolved", c.resolved())
                    .setParameter("handedBack", c.handedBack()).setParameter("reopened", c.reopened())
                    .setParameter("rated", c.rated()).setParameter("satisfied", c.satisfied())
                    .setParameter("ratingSum", c.ratingSum()).setParameter("frSeconds", c.firstResponseSeconds())
                    .setParameter("resSeconds", c.resolutionSeconds());
            Uni<Integer> done = query.executeUpdate();
            done = done.chain(() -> upsertBuckets(key, "F", c.firstResponseTimes()));
            return done.chain(() -> upsertBuckets(key, "R", c.resolutionTimes()));
        }).replaceWithVoid();
    }

    private Uni<Integer> upsertBuckets(MeasureKey key, String measure, DurationHistogram histogram) {
        long[] counts = histogram.counts();
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (int bucket = 0; bucket < counts.length; bucket++) {
            if (counts[bucket] == 0) {
                continue;
            }
            int b = bucket;
            chain = chain.chain(() -> Panache.getSession().chain(session -> {
                var query = session.createNativeQuery(UPSERT_DURATION);
                bindKey(query::setParameter, key);
                return query.setParameter("measure", measure).setParameter("bucket", (short) b)
                        .setParameter("petitions", counts[b]).executeUpdate();
            }));
        }
        return chain;
    }

    private interface Binder {
        Object bind(String name, Object value);
    }

    private static void bindKey(Binder binder, MeasureKey key) {
        binder.bind("day", key.day());
        binder.bind("unit", key.unitCode());
        binder.bind("category", key.category());
        binder.bind("channel", key.channel());
        binder.bind("district", key.districtCode());
    }

    /** The counters of every group of the cut, in the order of the group's name. */
    public Uni<Map<String, Counters>> sum(MeasureFilter filter, Dimension by) {
        Map<String, Object> parameters = new HashMap<>();
        String where = filter.where(parameters);
        String group = by.column();
        String measures = "select " + group + " as k, " + sums() + " from daily_measure where " + where + " group by 1 order by 1";
        String durations = "select " + group + " as k, measure, bucket, sum(petitions) from daily_duration where " + where
                + " group by 1, 2, 3";
        return Panache.withSession(() -> NativeSql.rows(measures, parameters).chain(rows -> NativeSql.rows(durations, parameters).map(buckets -> {
            Map<String, Counters> result = new LinkedHashMap<>();
            for (Object[] row : rows) {
                result.put((String) row[0], counters(row));
            }
            Map<String, long[][]> histograms = new HashMap<>();
            for (Object[] row : buckets) {
                long[][] h = histograms.computeIfAbsent((String) row[0],
                        k -> new long[][] {new long[DurationHistogram.BUCKETS], new long[DurationHistogram.BUCKETS]});
                h["F".equals(String.valueOf(row[1])) ? 0 : 1][((Number) row[2]).intValue()] += ((Number) row[3]).longValue();
            }
            result.replaceAll((k, c) -> {
                long[][] h = histograms.get(k);
                return h == null ? c : new Counters(c.received(), c.routed(), c.responded(), c.firstResponseMet(),
                        c.firstResponseBreached(), c.resolved(), c.handedBack(), c.reopened(), c.rated(), c.satisfied(),
                        c.ratingSum(), c.firstResponseSeconds(), c.resolutionSeconds(), DurationHistogram.of(h[0]),
                        DurationHistogram.of(h[1]));
            });
            // A petition that moved on (routed, transferred) leaves a row of zeros behind; it is no group.
            result.values().removeIf(Counters::isZero);
            return result;
        })));
    }

    /** All petitions matching the filter, as one set of counters. */
    public Uni<Counters> total(MeasureFilter filter) {
        return sum(filter, Dimension.ALL).map(m -> m.values().stream().findFirst().orElse(Counters.ZERO));
    }

    private static String sums() {
        List<String> sums = new ArrayList<>();
        for (String column : COUNTER_COLUMNS.split(", ")) {
            sums.add("sum(" + column + ")");
        }
        return String.join(", ", sums);
    }

    private static Counters counters(Object[] row) {
        long[] v = new long[13];
        for (int i = 0; i < v.length; i++) {
            v[i] = row[i + 1] == null ? 0 : ((Number) row[i + 1]).longValue();
        }
        return new Counters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                DurationHistogram.empty(), DurationHistogram.empty());
    }
}
