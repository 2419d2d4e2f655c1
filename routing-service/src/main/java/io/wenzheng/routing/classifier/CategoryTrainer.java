package io.wenzheng.routing.classifier;

import java.util.List;
import java.util.Random;

/**
 * Trains a {@link CategoryModel}: vocabulary and IDF from the training set, then multinomial logistic regression
 * by AdaGrad stochastic gradient descent. Deterministic for a given seed.
 */
public final class CategoryTrainer implements ModelTrainer {

    /**
     * @param maxN the longest character n-gram used as a feature
     * @param classBalance 0 weighs every petition alike; 1 weighs each category's petitions by the inverse of its
     *                     share, so small categories count as much as large ones (macro-F1 rewards that); in between,
     *                     the inverse share raised to this power
     */
    /**
     * @param averagedRuns how many training runs, each in its own shuffled order (seed, seed + 1, ...), are averaged
     *                     into the one model: the average of several orders is steadier than any one of them
     */
    /**
     * @param words whether HanLP's words count as features beside the character n-grams
     */
    /**
     * @param naiveBayesMix how much of a multinomial naive Bayes model over the same features is added to the
     *                      regression's weights: both are linear, so the blend is one model of the same size; 0 is none
     */
    public record Settings(int minDocumentFrequency, int epochs, double learningRate, double l2, long seed, int maxN,
                           double classBalance, int averagedRuns, boolean words, double naiveBayesMix) {
        public Settings(int minDocumentFrequency, int epochs, double learningRate, double l2, long seed, int maxN, double classBalance,
                        int averagedRuns, boolean words) {
            this(minDocumentFrequency, epochs, learningRate, l2, seed, maxN, classBalance, averagedRuns, words, 0.0);
        }

        public Settings(int minDocumentFrequency, int epochs, double learningRate, double l2, long seed, int maxN, double classBalance,
                        int averagedRuns) {
            this(minDocumentFrequency, epochs, learningRate, l2, seed, maxN, classBalance, averagedRuns, false);
        }

        public Settings(int minDocumentFrequency, int epochs, double learningRate, double l2, long seed, int maxN, double classBalance) {
            this(minDocumentFrequency, epochs, learningRate, l2, seed, maxN, classBalance, 1);
        }

        public static Settings defaults() {
            return new Settings(2, 15, 0.4, 1e-5, 20260101L, TextFeatures.MAX_N, 0.0, 10);
        }
    }

    /** Told of each finished step, so a long training can show progress. */
    @FunctionalInterface
    public interface Progress {
        void step(String stage, int done, int total);

        Progress NONE = (stage, done, total) -> { };
    }

    private final Settings settings;

    public CategoryTrainer(Settings settings) {
        this.settings = settings;
    }

    @Override
    public CategoryModel train(List<LabelledPetition> examples, Progress progress) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        TrainingSet set = TrainingSet.of(examples, settings.maxN(), settings.words(), settings.minDocumentFrequency(), 1.0, progress);
        List<String> categories = set.categories();
        String[] features = set.features();
        float[] idf = set.idf();
        CategoryModel.SparseVector[] x = set.x();
        int[] y = set.y();

        int k = categories.size();
        double[] classWeight = classWeights(y, k, settings.classBalance());
        int runs = Math.max(1, settings.averagedRuns());
        float[][] w = new float[k][features.length];
        float[] b = new float[k];
        for (int run = 0; run < runs; run++) {
            int r = run;
            Progress step = runs == 1 ? progress : (stage, done, total) -> progress.step(stage, r * total + done, runs * total);
            float[][][] trained = new float[1][][];
            float[] bias = sgd(x, y, k, features.length, classWeight, settings.seed() + run, step, trained);
            for (int c = 0; c < k; c++) {
                for (int f = 0; f < features.length; f++) {
                    w[c][f] += trained[0][c][f] / runs;
                }
                b[c] += bias[c] / runs;
            }
        }
        if (settings.naiveBayesMix() > 0) {
            blendNaiveBayes(x, y, k, features.length, settings.naiveBayesMix(), w);
        }
        return new CategoryModel(categories, features, idf, w, b);
    }

    /** Smoothing of the naive Bayes feature counts (the features are TF-IDF weights, not counts). */
    static final double NAIVE_BAYES_ALPHA = 0.1;

    /**
     * Adds {@code mix} times a multinomial naive Bayes model's log-likelihoods over the TF-IDF features. Each feature's
     * values are centred across the classes: a constant per feature moves every class's score alike and changes no
     * decision, and the centred weights stay small enough to quantise with the regression's.
     */
    static void blendNaiveBayes(CategoryModel.SparseVector[] x, int[] y, int k, int featureCount, double mix, float[][] w) {
        double[][] mass = new double[k][featureCount];
        double[] total = new double[k];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].size(); j++) {
                mass[y[i]][x[i].index(j)] += x[i].value(j);
                total[y[i]] += x[i].value(j);
            }
        }
        for (int f = 0; f < featureCount; f++) {
            double[] logp = new double[k];
            double mean = 0;
            for (int c = 0; c < k; c++) {
                logp[c] = Math.log((mass[c][f] + NAIVE_BAYES_ALPHA) / (total[c] + NAIVE_BAYES_ALPHA * featureCount));
                mean += logp[c] / k;
            }
            for (int c = 0; c < k; c++) {
                w[c][f] += (float) (mix * (logp[c] - mean));
            }
        }
    }

    /** One training run: AdaGrad SGD over the examples in an order shuffled by {@code seed}; returns the bias, weights in {@code out[0]}. */
    private float[] sgd(CategoryModel.SparseVector[] x, int[] y, int k, int featureCount, double[] classWeight, long seed,
                        Progress progress, float[][][] out) {
        int n = x.length;
        float[][] w = new float[k][featureCount];
        float[][] g2 = new float[k][featureCount];
        float[] b = new float[k];
        float[] bg2 = new float[k];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        double lr = settings.learningRate();
        double l2 = settings.l2();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int t : order) {
                CategoryModel.SparseVector v = x[t];
                double[] scores = new double[k];
                for (int c = 0; c < k; c++) {
                    double s = b[c];
                    for (int j = 0; j < v.size(); j++) {
                        s += w[c][v.index(j)] * v.value(j);
                    }
                    scores[c] = s;
                }
                double[] p = CategoryModel.softmax(scores);
                for (int c = 0; c < k; c++) {
                    double grad = (p[c] - (y[t] == c ? 1 : 0)) * classWeight[y[t]];
                    float[] wc = w[c];
                    float[] gc = g2[c];
                    for (int j = 0; j < v.size(); j++) {
                        int f = v.index(j);
                        double g = grad * v.value(j) + l2 * wc[f];
                        gc[f] += (float) (g * g);
                        wc[f] -= (float) (lr * g / Math.sqrt(gc[f] + 1e-8));
                    }
                    bg2[c] += (float) (grad * grad);
                    b[c] -= (float) (lr * grad / Math.sqrt(bg2[c] + 1e-8));
                }
            }
            progress.step("epochs", epoch + 1, settings.epochs());
        }
        out[0] = w;
        return b;
    }

    static double[] classWeights(int[] y, int k, double power) {
        int[] count = new int[k];
        for (int label : y) {
            count[label]++;
        }
        double[] weight = new double[k];
        for (int c = 0; c < k; c++) {
            weight[c] = count[c] == 0 ? 1 : Math.pow((double) y.length / (k * count[c]), power);
        }
        return weight;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
