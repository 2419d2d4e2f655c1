package io.wenzheng.routing.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Stratified k-fold cross-validation that keeps near-duplicate twins in one fold: petitions sharing a normalised
 * subject, or the first 40 characters of their normalised body, are one group.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** Fold number of each example, twins kept together. */
    public static int[] folds(List<LabelledPetition> examples, int k) {
        return folds(examples, k, true);
    }

    /**
     * Fold number of each example. Without {@code keepTwins} every petition is its own group, so twins may straddle
     * folds as they do in a random split: only for comparing with figures published that way.
     */
    public static int[] folds(List<LabelledPetition> examples, int k, boolean keepTwins) {
        int n = examples.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; keepTwins && i < n; i++) {
            for (String key : twinKeys(examples.get(i))) {
                Integer other = firstWithKey.putIfAbsent(key, i);
                if (other != null) {
                    union(parent, i, other);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
        }
        List<String> categories = new ArrayList<>(new TreeSet<>(examples.stream().map(LabelledPetition::category).toList()));
        int[][] perFold = new int[k][categories.size()];
        int[] foldSize = new int[k];
        int[] fold = new int[n];
        List<List<Integer>> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.<List<Integer>>comparingInt(List::size).reversed().thenComparingInt(g -> g.get(0)));
        for (List<Integer> group : ordered) {
            int c = categories.indexOf(examples.get(group.get(0)).category());
            int best = 0;
            for (int f = 1; f < k; f++) {
                if (perFold[f][c] < perFold[best][c] || (perFold[f][c] == perFold[best][c] && foldSize[f] < foldSize[best])) {
                    best = f;
                }
            }
            for (int i : group) {
                fold[i] = best;
                perFold[best][categories.indexOf(examples.get(i).category())]++;
                foldSize[best]++;
            }
        }
        return fold;
    }

    static List<String> twinKeys(LabelledPetition p) {
        List<String> keys = new ArrayList<>(2);
        String subject = TextFeatures.normalise(p.subject());
        if (subject.length() >= 6) {
            keys.add("s:" + subject);
        }
        String body = TextFeatures.normalise(p.body());
        if (body.length() >= 40) {
            keys.add("b:" + body.substring(0, 40));
        }
        return keys;
    }

    /** Trains on k-1 folds and predicts the held-out one, k times; returns the report over all predictions. */
    public static EvaluationReport run(List<LabelledPetition> examples, int k, ModelTrainer trainer,
                                       CategoryTrainer.Progress progress) {
        return run(examples, folds(examples, k), k, trainer, progress);
    }

    public static EvaluationReport run(List<LabelledPetition> examples, int[] fold, int k, ModelTrainer trainer,
                                       CategoryTrainer.Progress progress) {
        return run(examples, fold, k, train -> trainer.train(train, CategoryTrainer.Progress.NONE), progress);
    }

    /** The same with any way of training a model from the training folds (self-training, say). */
    public static EvaluationReport run(List<LabelledPetition> examples, int[] fold, int k,
                                       java.util.function.Function<List<LabelledPetition>, CategoryModel> trainer,
                                       CategoryTrainer.Progress progress) {
        List<String> categories = new ArrayList<>(new TreeSet<>(examples.stream().map(LabelledPetition::category).toList()));
        EvaluationReport report = new EvaluationReport(categories);
        for (int f = 0; f < k; f++) {
            List<LabelledPetition> train = new ArrayList<>();
            List<LabelledPetition> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == f ? test : train).add(examples.get(i));
            }
            CategoryModel model = trainer.apply(train);
            for (LabelledPetition p : test) {
                Classification c = model.classify(p.subject(), p.body());
                report.add(p.category(), c.category(), c.confidence());
            }
            progress.step("folds", f + 1, k);
        }
        return report;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
