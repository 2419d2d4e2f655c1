package io.wenzheng.analytics.measure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.analytics.fact.Contribution;
import io.wenzheng.analytics.fact.MeasureKey;
import io.wenzheng.kit.sql.MultiRowStatement;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pre-aggregated read model: adds contributions to it at every grain, in one upsert, and sums it for any period, filter and cut. */
@ApplicationScoped
public class MeasureStore {
    private static final String KEY_COLUMNS = "grain, day, unit_code, category, channel, district_code";
    private static final String COUNTER_COLUMNS = "received, routed, responded, first_response_met, first_response_breached, "
            + "resolved, handed_back, reopened, rated, satisfied, rating_sum, first_response_seconds, resolution_seconds, "
            + "open, open_breached, open_escalated";
    private static final List<String> COUNTERS = List.of(COUNTER_COLUMNS.split(", "));

    private static final MultiRowStatement UPSERT = new MultiRowStatement(
            "insert into daily_measure (" + KEY_COLUMNS + ", " + COUNTER_COLUMNS + ", first_response_hist, resolution_hist) values ",
            "(?, ?, ?, ?, ?, ?, " + String.join(", ", java.util.Collections.nCopies(COUNTERS.size(), "?"))
                    + ", cast(? as bigint[]), cast(? as bigint[]))",
            " on conflict (" + KEY_COLUMNS + ") do update set " + sumsOnConflict()
                    + ", first_response_hist = wz_add(daily_measure.first_response_hist, excluded.first_response_hist)"
                    + ", resolution_hist = wz_add(daily_measure.resolution_hist, excluded.resolution_hist)");

    private record Row(Grain grain, MeasureKey key) {
        String sortKey() {
            return grain.code() + "|" + key.day() + "|" + key.unitCode() + "|" + key.category() + "|" + key.channel() + "|"
                    + key.districtCode();
        }
    }

    /**
     * Adds contributions in the caller's transaction: one multi-row upsert for the counters and one for the
     * duration buckets, whatever the number of grains.
     */
    public Uni<Void> add(List<Contribution> contributions) {
        // In one order of keys, so that two transactions upserting overlapping counters (the lifecycle's batch and the
        // SLA's) lock them in the same order and cannot deadlock.
        Map<Row, Counters> rows = new java.util.TreeMap<>(java.util.Comparator.comparing(Row::sortKey));
        for (Contribution c : contributions) {
            for (Grain grain : Grain.values()) {
                rows.merge(new Row(grain, grain.project(c.key())), c.counters(), Counters::plus);
            }
        }
        rows.values().removeIf(Counters::isZero);
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<Object>> values = new ArrayList<>();
        for (Map.Entry<Row, Counters> e : rows.entrySet()) {
            Row row = e.getKey();
            Counters c = e.getValue();
            List<Object> v = new ArrayList<>(java.util.Arrays.asList(row.grain().code(), row.key().day(), row.key().unitCode(), row.key().category(),
                    row.key().channel(), row.key().districtCode(), c.received(), c.routed(), c.responded(), c.firstResponseMet(),
                    c.firstResponseBreached(), c.resolved(), c.handedBack(), c.reopened(), c.rated(), c.satisfied(), c.ratingSum(),
                    c.firstResponseSeconds(), c.resolutionSeconds(), c.open(), c.openBreached(), c.openEscalated()));
            v.add(array(c.firstResponseTimes()));
            v.add(array(c.resolutionTimes()));
            values.add(v);
        }
        return UPSERT.execute(values).replaceWithVoid();
    }

    /** A histogram as the bigint[] parameter the PostgreSQL client binds. */
    private static Long[] array(DurationHistogram histogram) {
        return java.util.Arrays.stream(histogram.counts()).boxed().toArray(Long[]::new);
    }

    private static String sumsOnConflict() {
        List<String> sets = new ArrayList<>();
        for (String column : COUNTERS) {
            sets.add(column + " = daily_measure." + column + " + excluded." + column);
        }
        return String.join(", ", sets);
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
        return Panache.withSession(() -> NativeSql.rows(measures, parameters).map(rows -> {
            Map<String, Counters> result = new LinkedHashMap<>();
            for (Object[] row : rows) {
                result.put((String) row[0], counters(row));
            }
            // A petition that moved on (routed, transferred) leaves a row of zeros behind; it is no group.
            result.values().removeIf(Counters::isZero);
            return result;
        }));
    }

    /** All petitions matching the filter, as one set of counters. */
    public Uni<Counters> total(MeasureFilter filter) {
        return sum(filter, Dimension.ALL).map(m -> m.values().stream().findFirst().orElse(Counters.ZERO));
    }

    /** Sums of the counters, then of each histogram bucket: plain aggregates, one row per group. */
    private static String sums() {
        List<String> sums = new ArrayList<>();
        for (String column : COUNTERS) {
            sums.add("sum(" + column + ")");
        }
        for (String histogram : List.of("first_response_hist", "resolution_hist")) {
            for (int b = 1; b <= DurationHistogram.BUCKETS; b++) {
                sums.add("sum(" + histogram + "[" + b + "])");
            }
        }
        return String.join(", ", sums);
    }

    private static Counters counters(Object[] row) {
        long[] v = new long[COUNTERS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = row[i + 1] == null ? 0 : ((Number) row[i + 1]).longValue();
        }
        int n = COUNTERS.size();
        long[] fr = new long[DurationHistogram.BUCKETS];
        long[] res = new long[DurationHistogram.BUCKETS];
        for (int b = 0; b < DurationHistogram.BUCKETS; b++) {
            fr[b] = row[1 + n + b] == null ? 0 : ((Number) row[1 + n + b]).longValue();
            res[b] = row[1 + n + DurationHistogram.BUCKETS + b] == null ? 0 : ((Number) row[1 + n + DurationHistogram.BUCKETS + b]).longValue();
        }
        return new Counters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15],
                DurationHistogram.of(fr), DurationHistogram.of(res));
    }
}
