package io.wenzheng.routing.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Trains a {@link CategoryModel} as one linear SVM per category (one against the rest), each seeing the TF-IDF
 * features scaled by how strongly they tell its category from the others: the naive Bayes log-count ratio, in
 * magnitude, raised to {@link Settings#ratioPower()} (after Wang and Manning's NB-SVM, 2012). Subject n-grams weigh
 * {@link Settings#subjectWeight()} times a body's. The scaling is folded into each category's weights, so the model
 * has the same shape, size and speed as a logistic regression's.
 *
 * <p>SVM scores are margins, not probabilities: a temperature, fitted on scores of petitions each SVM did not see
 * (inner cross-validation), turns them into calibrated confidences for triage.
 */
public final class RatioWeightedSvmTrainer implements ModelTrainer {

    /**
     * @param c             the SVM's cost: higher fits the training petitions harder
     * @param ratioPower    the exponent on the log-count ratio's magnitude; 0 is a plain SVM
     * @param subjectWeight how much more a subject's n-gram counts than the body's
     * @param calibrationFolds inner folds whose out-of-fold scores fit the temperature
     */
    public record Settings(int minDocumentFrequency, int maxN, double c, double ratioPower, double subjectWeight,
                           int calibrationFolds, long seed) {
        public static Settings defaults() {
            return new Settings(2, TextFeatures.MAX_N, 8.0, 0.5, 1.5, 3, 20260101L);
        }

        public String describe() {
            return String.format(Locale.ROOT, "character 1- to %d-grams, min document frequency %d, subject n-grams weighted %.1f, "
                    + "log-count ratio power %.2f, SVM cost %.1f, temperature from %d inner folds, seed %d",
                    maxN, minDocumentFrequency, subjectWeight, ratioPower, c, calibrationFolds, seed);
        }
    }

    /** Naive Bayes smoothing of the per-category document counts behind the log-count ratio. */
    static final double RATIO_SMOOTHING = 1.0;
    /** Dual coordinate descent stops when no coordinate's projected gradient exceeds this (LIBLINEAR's default). */
    private static final double TOLERANCE = 0.01;
    private static final int MAX_SWEEPS = 50;

    private final Settings settings;

    public RatioWeightedSvmTrainer(Settings settings) {
        this.settings = settings;
    }

    @Override
    public CategoryModel train(List<LabelledPetition> examples, CategoryTrainer.Progress progress) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        Fitted fitted = fit(examples);
        progress.step("categories", fitted.categories.size(), fitted.categories.size());
        double temperature = 1.0;
        if (settings.calibrationFolds() > 1 && examples.size() >= 10 * settings.calibrationFolds()) {
            temperature = calibrate(examples, fitted.categories, progress);
        }
        return new CategoryModel(fitted.categories, fitted.features, fitted.idf, fitted.weights, fitted.bias, temperature);
    }

    private record Fitted(List<String> categories, String[] features, Map<String, Integer> vocabulary, float[] idf, float[][] weights,
                          float[] bias) {
        double[] scores(CategoryModel.SparseVector x) {
            double[] s = new double[categories.size()];
            for (int c = 0; c < s.length; c++) {
                double v = bias[c];
                for (int k = 0; k < x.size(); k++) {
                    v += weights[c][x.index(k)] * x.value(k);
                }
                s[c] = v;
            }
            return s;
        }
    }

    private Fitted fit(List<LabelledPetition> examples) {
        TrainingSet set = TrainingSet.of(examples, settings.maxN(), false, settings.minDocumentFrequency(), settings.subjectWeight(),
                CategoryTrainer.Progress.NONE);
        int k = set.categories().size();
        int size = set.features().length;
        float[][] weights = new float[k][];
        float[] bias = new float[k];
        IntStream.range(0, k).parallel().forEach(c -> {
            float[] scale = ratioScale(set.x(), set.y(), c, size);
            float[] w = new float[size + 1];
            trainBinary(set.x(), set.y(), c, scale, w, settings.seed() + c);
            for (int f = 0; f < size; f++) {
                w[f] *= scale[f];
            }
            bias[c] = w[size];
            weights[c] = java.util.Arrays.copyOf(w, size);
        });
        return new Fitted(set.categories(), set.features(), set.vocabulary(), set.idf(), weights, bias);
    }

    /** |log((p_f / |p|) / (q_f / |q|))|^power over smoothed document counts in category {@code c} (p) and the rest (q). */
    float[] ratioScale(CategoryModel.SparseVector[] x, int[] y, int c, int featureCount) {
        double[] in = new double[featureCount];
        double[] out = new double[featureCount];
        java.util.Arrays.fill(in, RATIO_SMOOTHING);
        java.util.Arrays.fill(out, RATIO_SMOOTHING);
        for (int i = 0; i < x.length; i++) {
            double[] side = y[i] == c ? in : out;
            for (int j = 0; j < x[i].size(); j++) {
                side[x[i].index(j)] += 1;
            }
        }
        double inTotal = java.util.Arrays.stream(in).sum();
        double outTotal = java.util.Arrays.stream(out).sum();
        float[] scale = new float[featureCount];
        for (int f = 0; f < featureCount; f++) {
            double ratio = Math.log((in[f] / inTotal) / (out[f] / outTotal));
            scale[f] = (float) Math.pow(Math.abs(ratio), settings.ratioPower());
        }
        return scale;
    }

    /**
     * L2-regularised squared-hinge SVM for category {@code c} against the rest, by dual coordinate descent (Hsieh et
     * al. 2008, LIBLINEAR's default solver). {@code w[featureCount]} is the bias, learnt as a feature of constant 1.
     */
    private void trainBinary(CategoryModel.SparseVector[] x, int[] y, int c, float[] scale, float[] w, long seed) {
        int n = x.length;
        int bias = scale.length;
        double diagonal = 0.5 / settings.c();
        double[] qd = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 1;
            for (int j = 0; j < x[i].size(); j++) {
                double v = x[i].value(j) * scale[x[i].index(j)];
                s += v * v;
            }
            qd[i] = s + diagonal;
        }
        double[] alpha = new double[n];
        int[] order = IntStream.range(0, n).toArray();
        Random random = new Random(seed);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double largest = 0;
            for (int i : order) {
                CategoryModel.SparseVector v = x[i];
                double yi = y[i] == c ? 1 : -1;
                double margin = w[bias];
                for (int j = 0; j < v.size(); j++) {
                    margin += w[v.index(j)] * v.value(j) * scale[v.index(j)];
                }
                double g = yi * margin - 1 + alpha[i] * diagonal;
                double projected = alpha[i] == 0 ? Math.min(g, 0) : g;
                largest = Math.max(largest, Math.abs(projected));
                if (projected != 0) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    double d = (alpha[i] - old) * yi;
                    for (int j = 0; j < v.size(); j++) {
                        w[v.index(j)] += (float) (d * v.value(j) * scale[v.index(j)]);
                    }
                    w[bias] += (float) d;
                }
            }
            if (largest < TOLERANCE) {
                break;
            }
        }
    }

    /** The temperature that minimises the log loss of softmax(temperature × scores) on inner out-of-fold scores. */
    private double calibrate(List<LabelledPetition> examples, List<String> categories, CategoryTrainer.Progress progress) {
        int folds = settings.calibrationFolds();
        int[] fold = CrossValidation.folds(examples, folds);
        List<double[]> scores = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<LabelledPetition> train = new ArrayList<>();
            List<LabelledPetition> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == f ? test : train).add(examples.get(i));
            }
            Fitted inner = fit(train);
            for (LabelledPetition p : test) {
                int label = inner.categories.indexOf(p.category());
                if (label < 0 || inner.categories.size() != categories.size()) {
                    continue;
                }
                CategoryModel.SparseVector x = CategoryModel.vectorise(
                        TextFeatures.counts(p.subject(), p.body(), settings.maxN(), false), inner.vocabulary(), inner.idf);
                scores.add(inner.scores(x));
                truth.add(label);
            }
            progress.step("calibration folds", f + 1, folds);
        }
        return fitTemperature(scores, truth);
    }

    /** Golden-section search on log temperature; the log loss is convex in the temperature. */
    static double fitTemperature(List<double[]> scores, List<Integer> truth) {
        if (scores.isEmpty()) {
            return 1.0;
        }
        double lo = Math.log(0.05);
        double hi = Math.log(100);
        double phi = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 80; i++) {
            double a = hi - phi * (hi - lo);
            double b = lo + phi * (hi - lo);
            if (logLoss(scores, truth, Math.exp(a)) < logLoss(scores, truth, Math.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    static double logLoss(List<double[]> scores, List<Integer> truth, double temperature) {
        double loss = 0;
        for (int i = 0; i < scores.size(); i++) {
            double[] s = scores.get(i);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s) {
                max = Math.max(max, v * temperature);
            }
            double sum = 0;
            for (double v : s) {
                sum += Math.exp(v * temperature - max);
            }
            loss += Math.log(sum) + max - s[truth.get(i)] * temperature;
        }
        return loss / scores.size();
    }
}
