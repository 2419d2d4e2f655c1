package io.wenzheng.analytics.scorecard;

import io.wenzheng.analytics.measure.Counters;
import io.wenzheng.analytics.measure.Measures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The league table of units for a period, with the "top 10" (十佳) and the "needs improvement" (通报批评) lists.
 *
 * <p>Score = Σ weight × rate, over: first responses in time, completion (办结率), satisfaction, petitions kept rather
 * than handed back, and resolutions not reopened. A rate with no data (no ratings yet, say) takes the city's rate
 * for the same period, so a unit is neither rewarded nor punished for what nobody measured.
 */
public record Scorecard(List<ScoreLine> lines, List<ScoreLine> top, List<ScoreLine> needsImprovement, List<Unranked> unranked,
                        Measures city) {

    /** A unit with too few petitions in the period to be scored fairly: listed apart, with its figures and no score. */
    public record Unranked(String unitCode, String unitName, Measures measures) {
    }

    /**
     * Ranks units by score. Equal scores share a rank and the next rank skips (1, 2, 2, 4), as a league table
     * handed out by a supervision office shows ties; units under the minimum volume are not scored but listed apart.
     */
    public static Scorecard of(Map<String, Counters> byUnit, ScoreWeights weights, int minimumPetitions, int topSize,
                               int needsImprovementSize) {
        Counters cityCounters = byUnit.values().stream().reduce(Counters.ZERO, Counters::plus);
        Measures city = Measures.of(cityCounters);
        List<ScoreLine> scored = new ArrayList<>();
        List<Unranked> unranked = new ArrayList<>();
        byUnit.forEach((unit, counters) -> {
            if (unit.isEmpty()) {
                return; // not yet routed: nobody to score
            }
            Measures m = Measures.of(counters);
            if (m.routed() >= minimumPetitions) {
                scored.add(new ScoreLine(null, unit, null, score(m, city, weights), m));
            } else {
                unranked.add(new Unranked(unit, null, m));
            }
        });
        scored.sort(Comparator.comparingDouble(ScoreLine::score).reversed().thenComparing(ScoreLine::unitCode));
        unranked.sort(Comparator.comparing(Unranked::unitCode));
        List<ScoreLine> lines = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            ScoreLine line = scored.get(i);
            int rank = i > 0 && scored.get(i - 1).score() == line.score() ? lines.get(i - 1).rank() : i + 1;
            lines.add(new ScoreLine(rank, line.unitCode(), null, line.score(), line.measures()));
        }
        List<ScoreLine> top = lines.subList(0, Math.min(topSize, lines.size()));
        List<ScoreLine> bottom = new ArrayList<>(lines.subList(Math.max(top.size(), lines.size() - needsImprovementSize), lines.size()));
        java.util.Collections.reverse(bottom);
        return new Scorecard(List.copyOf(lines), List.copyOf(top), List.copyOf(bottom), List.copyOf(unranked), city);
    }

    /** The same table with each unit's name, as people read it; a unit without a known name keeps its code. */
    public Scorecard withUnitNames(Map<String, String> names) {
        java.util.function.UnaryOperator<ScoreLine> named = l -> new ScoreLine(l.rank(), l.unitCode(),
                names.getOrDefault(l.unitCode(), l.unitCode()), l.score(), l.measures());
        return new Scorecard(lines.stream().map(named).toList(), top.stream().map(named).toList(),
                needsImprovement.stream().map(named).toList(),
                unranked.stream().map(u -> new Unranked(u.unitCode(), names.getOrDefault(u.unitCode(), u.unitCode()), u.measures())).toList(),
                city);
    }

    static double score(Measures unit, Measures city, ScoreWeights w) {
        double value = w.onTime() * or(unit.onTimeRate(), city.onTimeRate())
                + w.completion() * or(unit.completionRate(), city.completionRate())
                + w.satisfaction() * or(unit.satisfactionRate(), city.satisfactionRate())
                + w.keptNotHandedBack() * (1 - or(unit.handBackRate(), city.handBackRate()))
                + w.notReopened() * (1 - or(unit.reopenRate(), city.reopenRate()));
        return Math.round(value / w.total() * 100 * 100) / 100.0;
    }

    private static double or(Double value, Double fallback) {
        return value != null ? value : fallback != null ? fallback : 0.0;
    }
}
