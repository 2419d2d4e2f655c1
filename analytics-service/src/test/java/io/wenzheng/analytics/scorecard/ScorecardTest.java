package io.wenzheng.analytics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.analytics.measure.Counters;
import io.wenzheng.analytics.measure.DurationHistogram;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    /** routed petitions, met/breached first responses, resolved, handed back, reopened, rated, satisfied. */
    private static Counters unit(long routed, long met, long breached, long resolved, long handedBack, long reopened, long rated,
                                 long satisfied) {
        return new Counters(routed, routed, met + breached, met, breached, resolved, handedBack, reopened, rated, satisfied,
                satisfied * 5 + (rated - satisfied) * 2, 0, 0, routed - resolved, 0, 0, DurationHistogram.empty(), DurationHistogram.empty());
    }

    @Test
    void theCompositeScoreIsTheDocumentedWeightedSum() {
        Map<String, Counters> units = new LinkedHashMap<>();
        // 8 of 10 in time, 9 of 10 resolved, 3 of 4 satisfied, 1 handed back besides the 10 kept, 0 of 9 reopened.
        units.put("A1", unit(10, 8, 2, 9, 1, 0, 4, 3));
        Scorecard card = Scorecard.of(units, ScoreWeights.DEFAULT, 5, 10, 5);
        double expected = (35 * 0.8 + 30 * 0.9 + 20 * 0.75 + 10 * (1 - 0.0909) + 5 * 1.0) / 100 * 100;
        assertThat(card.lines()).singleElement().satisfies(line -> {
            assertThat(line.score()).isEqualTo(Math.round(expected * 100) / 100.0);
            assertThat(line.rank()).isEqualTo(1);
            assertThat(line.measures().completionRate()).isEqualTo(0.9);
            assertThat(line.measures().onTimeRate()).isEqualTo(0.8);
            assertThat(line.measures().handBackRate()).isEqualTo(0.0909);
        });
    }

    @Test
    void aUnitWithoutRatingsTakesTheCitysSatisfaction() {
        Map<String, Counters> units = new LinkedHashMap<>();
        units.put("RATED", unit(10, 10, 0, 10, 0, 0, 10, 5));
        units.put("UNRATED", unit(10, 10, 0, 10, 0, 0, 0, 0));
        Scorecard card = Scorecard.of(units, ScoreWeights.DEFAULT, 5, 10, 5);
        assertThat(card.city().satisfactionRate()).isEqualTo(0.5);
        assertThat(card.lines()).extracting(ScoreLine::score).containsOnly(90.0);
    }

    @Test
    void ranksTopAndNeedsImprovementLeavingSmallUnitsUnranked() {
        Map<String, Counters> units = new LinkedHashMap<>();
        for (int i = 0; i < 14; i++) {
            units.put("U" + (char) ('A' + i), unit(20, 20 - i, i, 20 - i, 0, 0, 0, 0));
        }
        units.put("TINY", unit(2, 0, 2, 0, 2, 0, 0, 0));
        units.put("", unit(3, 0, 0, 0, 0, 0, 0, 0));
        Scorecard card = Scorecard.of(units, ScoreWeights.DEFAULT, 5, 10, 5);

        assertThat(card.lines()).hasSize(14).extracting(ScoreLine::unitCode).doesNotContain("", "TINY");
        assertThat(card.top()).extracting(ScoreLine::unitCode).containsExactly("UA", "UB", "UC", "UD", "UE", "UF", "UG", "UH", "UI", "UJ");
        assertThat(card.needsImprovement()).extracting(ScoreLine::unitCode).containsExactly("UN", "UM", "UL", "UK");
        assertThat(card.unranked()).as("two petitions are too few to score: listed apart, without a score")
                .extracting(Scorecard.Unranked::unitCode).containsExactly("TINY");
        assertThat(card.lines()).extracting(ScoreLine::rank).doesNotContainNull();
        assertThat(card.lines().get(0).rank()).isEqualTo(1);
    }

    @Test
    void equalScoresShareARankAndTheNextRankSkips() {
        Map<String, Counters> units = new LinkedHashMap<>();
        units.put("BEST", unit(10, 10, 0, 10, 0, 0, 10, 10));
        units.put("TWIN-A", unit(10, 8, 2, 9, 1, 0, 4, 3));
        units.put("TWIN-B", unit(10, 8, 2, 9, 1, 0, 4, 3));
        units.put("LAST", unit(10, 2, 8, 3, 4, 1, 4, 1));
        Scorecard card = Scorecard.of(units, ScoreWeights.DEFAULT, 5, 10, 5);
        assertThat(card.lines()).extracting(ScoreLine::unitCode).containsExactly("BEST", "TWIN-A", "TWIN-B", "LAST");
        assertThat(card.lines()).extracting(ScoreLine::rank).containsExactly(1, 2, 2, 4);
    }

    @Test
    void unitsAreNamedForPeopleAndKeepTheirCodeWhenNoNameIsKnown() {
        Scorecard plain = Scorecard.of(java.util.Map.of(), ScoreWeights.DEFAULT, 5, 10, 5);
        assertThat(plain.withUnitNames(java.util.Map.of("A3", "A3区人民政府")).lines()).isEmpty();
        Scorecard card = Scorecard.of(Map.of("A3", unit(10, 8, 2, 9, 1, 0, 4, 3), "B1", unit(10, 10, 0, 10, 0, 0, 10, 5)), ScoreWeights.DEFAULT, 1, 10, 5)
                .withUnitNames(java.util.Map.of("A3", "A3区人民政府"));
        assertThat(card.lines()).extracting(ScoreLine::unitName)
                .containsExactlyInAnyOrder("A3区人民政府", "B1");
        assertThat(card.top()).extracting(ScoreLine::unitName).contains("A3区人民政府");
    }
}
