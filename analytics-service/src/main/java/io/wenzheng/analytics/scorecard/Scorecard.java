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
public record Scorecard(List<ScoreLine> lines, List<ScoreLine> top, List<ScoreLine> needsImprovement, Measures city) {

    public static Scorecard of(Map<String, Counters> byUnit, ScoreWeights weights, int minimumPetitions, int topSize,
                               int needsImprovementSize) {
        Counters cityCounters = byUnit.values().stream().reduce(Counters.ZERO, Counters::plus);
        Measures city = Measures.of(cityCounters);
        List<ScoreLine> scored = new ArrayList<>();
        byUnit.forEach((unit, counters) -> {
            if (unit.isEmpty()) {
                return; // not yet routed: nobody to score
            }
            Measures m = Measures.of(counters);
            scored.add(new ScoreLine(null, unit, null, score(m, city, weights), m));
        });
        scored.sort(Comparator.comparingDouble(ScoreLine::score).reversed().thenComparing(ScoreLine::unitCode));
        List<ScoreLine> lines = new ArrayList<>();
        List<ScoreLine> ranked = new ArrayList<>();
        int rank = 0;
        for (ScoreLine line : scored) {
            boolean rankable = line.measures().routed() >= minimumPetitions;
            ScoreLine placed = rankable ? new ScoreLine(++rank, line.unitCode(), null, line.score(), line.measures()) : line;
            lines.add(placed);
            if (rankable) {
                ranked.add(placed);
            }
        }
        List<ScoreLine> top = ranked.subList(0, Math.min(topSize, ranked.size()));
        List<ScoreLine> bottom = new ArrayList<>(ranked.subList(Math.max(top.size(), ranked.size() - needsImprovementSize), ranked.size()));
        java.util.Collections.reverse(bottom);
        return new Scorecard(lines, List.copyOf(top), List.copyOf(bottom), city);
    }

    /** The same table with each unit's name, as people read it; a unit without a known name keeps its code. */
    public Scorecard withUnitNames(Map<String, String> names) {
        java.util.function.UnaryOperator<ScoreLine> named = l -> new ScoreLine(l.rank(), l.unitCode(),
                names.getOrDefault(l.unitCode(), l.unitCode()), l.score(), l.measures());
        return new Scorecard(lines.stream().map(named).toList(), top.stream().map(named).toList(),
                needsImprovement.stream().map(named).toList(), city);
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
