package io.wenzheng.analytics.stats;

import io.smallrye.mutiny.Uni;
import io.wenzheng.analytics.measure.Dimension;
import io.wenzheng.analytics.measure.MeasureFilter;
import io.wenzheng.analytics.measure.MeasureStore;
import io.wenzheng.analytics.measure.Period;
import io.wenzheng.analytics.scorecard.ScoreLine;
import io.wenzheng.analytics.scorecard.ScoreWeights;
import io.wenzheng.analytics.scorecard.Scorecard;
import io.wenzheng.analytics.wiring.AnalyticsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Scorecards from the read model, for a period and optionally one district. */
@ApplicationScoped
public class Scorecards {
    private final MeasureStore store;
    private final AnalyticsConfig config;
    private final java.time.Clock clock;

    @Inject
    public Scorecards(MeasureStore store, AnalyticsConfig config, java.time.Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** Today in the city, by the service's clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }

    public Uni<Scorecard> of(Period period, String district) {
        return of(new MeasureFilter(period.from(), period.to(), null, district, null, null));
    }

    public Uni<Scorecard> of(MeasureFilter filter) {
        return scored(filter).chain(card -> unitNames().map(card::withUnitNames));
    }

    /** The table by unit code only: enough for a trend, which reads one unit's score and rank per period. */
    private Uni<Scorecard> scored(MeasureFilter filter) {
        AnalyticsConfig.Scorecard s = config.scorecard();
        return store.sum(filter, Dimension.UNIT).map(byUnit -> Scorecard.of(byUnit, ScoreWeights.DEFAULT,
                s.minimumPetitions(), s.topSize(), s.needsImprovementSize()));
    }

    /** Every unit's name as routing last gave it (table unit_label, kept by the fact projector). */
    public Uni<java.util.Map<String, String>> unitNames() {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> io.wenzheng.analytics.measure.NativeSql.rows(
                "select unit_code, unit_name from unit_label", java.util.Map.of())).map(rows -> {
                    java.util.Map<String, String> names = new java.util.HashMap<>();
                    rows.forEach(r -> names.put((String) r[0], (String) r[1]));
                    return names;
                });
    }

    /** The unit's line in each of the last {@code periods} periods, including the current one. */
    public Uni<List<StatsResource.TrendPoint>> trend(String unit, Period.Kind kind, int periods) {
        List<Period> list = new ArrayList<>();
        Period p = Period.containing(kind, today());
        for (int i = 0; i < periods; i++) {
            list.add(0, p);
            p = p.previous();
        }
        Uni<List<StatsResource.TrendPoint>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Period period : list) {
            chain = chain.chain(points -> scored(new MeasureFilter(period.from(), period.to(), null, null, null, null)).map(card -> {
                ScoreLine line = card.lines().stream().filter(l -> l.unitCode().equals(unit)).findFirst().orElse(null);
                points.add(line == null ? new StatsResource.TrendPoint(period, null, null, null)
                        : new StatsResource.TrendPoint(period, line.score(), line.rank(), line.measures()));
                return points;
            }));
        }
        return chain;
    }
}
