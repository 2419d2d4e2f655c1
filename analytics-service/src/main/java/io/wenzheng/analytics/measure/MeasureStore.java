package io.wenzheng.analytics.measure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.analytics.fact.Contribution;
import io.wenzheng.analytics.fact.MeasureKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pre-aggregated read model: adds contributions to it at every grain, and sums it for any period, filter and cut. */
@ApplicationScoped
public class MeasureStore {
    private static final String KEY_COLUMNS = "grain, day, unit_code, category, channel, district_code";
    private static final String COUNTER_COLUMNS = "received, routed, responded, first_response_met, first_response_breached, "
            + "resolved, handed_back, reopened, rated, satisfied, rating_sum, first_response_seconds, resolution_seconds";
    private static final List<String> COUNTERS = List.of(COUNTER_COLUMNS.split(", "));

    private record Row(Grain grain, MeasureKey key) {
    }

    /**
     * Adds contributions in the caller's transaction: one multi-row upsert for the counters and one for the
     * duration buckets, whatever the number of grains.
     */
    public Uni<Void> add(List<Contribution> contributions) {
        Map<Row, Counters> rows = new LinkedHashMap<>();
        for (Contribution c : contributions) {
            for (Grain grain : Grain.values()) {
                rows.merge(new Row(grain, grain.project(c.key())), c.counters(), Counters::plus);
            }
        }
        rows.values().removeIf(Counters::isZero);
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> parameters = new HashMap<>();
        List<String> values = new ArrayList<>();
        List<String> buckets = new ArrayList<>();
        Map<String, Object> bucketParameters = new HashMap<>();
        int i = 0;
        for (Map.Entry<Row, Counters> e : rows.entrySet()) {
            String p = "r" + i++;
            Counters c = e.getValue();
            values.add(keyValues(p, e.getKey(), parameters) + ", " + counterValues(p, c, parameters) + ")");
            addBuckets(p, "F", e.getKey(), c.firstResponseTimes(), buckets, bucketParameters);
            addBuckets(p, "R", e.getKey(), c.resolutionTimes(), buckets, bucketParameters);
        }
        String measures = "insert into daily_measure (" + KEY_COLUMNS + ", " + COUNTER_COLUMNS + ") values "
                + String.join(", ", values) + " on conflict (" + KEY_COLUMNS + ") do update set " + sumsOnConflict();
        Uni<Integer> done = execute(measures, parameters);
        if (!buckets.isEmpty()) {
            String durations = "insert into daily_duration (" + KEY_COLUMNS + ", measure, bucket, petitions) values "
                    + String.join(", ", buckets) + " on conflict (" + KEY_COLUMNS + ", measure, bucket) do update set "
                    + "petitions = daily_duration.petitions + excluded.petitions";
            done = done.chain(() -> execute(durations, bucketParameters));
        }
        return done.replaceWithVoid();
    }

    private static String keyValues(String p, Row row, Map<String, Object> parameters) {
        parameters.put(p + "g", row.grain().code());
        parameters.put(p + "d", row.key().day());
        parameters.put(p + "u", row.key().unitCode());
        parameters.put(p + "c", row.key().category());
        parameters.put(p + "h", row.key().channel());
        parameters.put(p + "t", row.key().districtCode());
        return "(:" + p + "g, :" + p + "d, :" + p + "u, :" + p + "c, :" + p + "h, :" + p + "t";
    }

    private static String counterValues(String p, Counters c, Map<String, Object> parameters) {
        long[] v = {c.received(), c.routed(), c.responded(), c.firstResponseMet(), c.firstResponseBreached(), c.resolved(),
                c.handedBack(), c.reopened(), c.rated(), c.satisfied(), c.ratingSum(), c.firstResponseSeconds(), c.resolutionSeconds()};
        List<String> names = new ArrayList<>();
        for (int k = 0; k < v.length; k++) {
            parameters.put(p + "v" + k, v[k]);
            names.add(":" + p + "v" + k);
        }
        return String.join(", ", names);
    }

    private static void addBuckets(String p, String measure, Row row, DurationHistogram histogram, List<String> values,
                                   Map<String, Object> parameters) {
        long[] counts = histogram.counts();
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] != 0) {
                String q = p + measure + b;
                values.add(keyValues(q, row, parameters) + ", '" + measure + "', " + b + ", :" + q + "n)");
                parameters.put(q + "n", counts[b]);
            }
        }
    }

    private static String sumsOnConflict() {
        List<String> sets = new ArrayList<>();
        for (String column : COUNTERS) {
            sets.add(column + " = daily_measure." + column + " + excluded." + column);
        }
        return String.join(", ", sets);
    }

    private static Uni<Integer> execute(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        });
    }

    /** The counters of every group of the cut, in the order of the group's name. */
    public Uni<Map<String, Counters>> sum(MeasureFilter filter, Dimension by) {
        Map<String, Object> parameters = new HashMap<>();
        Set<Dimension> needed = EnumSet.of(by);
        needed.addAll(filter.dimensions());
        Grain grain = Grain.coarsestFor(needed);
        parameters.put("grain", grain.code());
        String where = "grain = :grain and " + filter.where(parameters);
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
        for (String column : COUNTERS) {
            sums.add("sum(" + column + ")");
        }
        return String.join(", ", sums);
    }

    private static Counters counters(Object[] row) {
        long[] v = new long[COUNTERS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = row[i + 1] == null ? 0 : ((Number) row[i + 1]).longValue();
        }
        return new Counters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                DurationHistogram.empty(), DurationHistogram.empty());
    }
}
