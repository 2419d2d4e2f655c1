package io.wenzheng.analytics.scorecard;

/**
 * How much each part counts in a unit's composite score, out of 100. The defaults put the public pledge first
 * (有呼必应), then getting cases done (办结率), then what citizens say, then not passing cases around.
 */
public record ScoreWeights(double onTime, double completion, double satisfaction, double keptNotHandedBack, double notReopened) {
    public static final ScoreWeights DEFAULT = new ScoreWeights(35, 30, 20, 10, 5);

    public double total() {
        return onTime + completion + satisfaction + keptNotHandedBack + notReopened;
    }
}
