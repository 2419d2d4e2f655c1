package io.wenzheng.routing.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear model over TF-IDF character n-grams: one weight vector per category, and a softmax over the
 * scores times a temperature for the confidences. Immutable and thread-safe. Weights are stored as 8-bit integers
 * with one scale per class, which keeps the committed model small.
 */
public final class CategoryModel {
    private static final int MAGIC_WITHOUT_TEMPERATURE = 0x575A4331; // "WZC1"
    private static final int MAGIC = 0x575A4332; // "WZC2"

    private final List<String> categories;
    private final NgramIndex vocabulary;
    /** The longest n-gram in the vocabulary: what the training settings were, read off the features themselves. */
    private final int maxN;
    /** Whether the vocabulary holds word features, so petitions must be segmented. */
    private final boolean words;
    private final FeatureNames features;
    private final float[] idf;
    /**
     * Feature-major, {@code [feature * classes + class]}: a petition's features are scattered across a vocabulary of
     * half a million, so the classes' weights of one feature share a cache line instead of one miss per class.
     */
    private final float[] weights;
    private final float[] bias;
    /** What scores are multiplied by before the softmax: 1 for a logistic regression, fitted for margins. */
    private final double temperature;

    CategoryModel(List<String> categories, String[] features, float[] idf, float[][] weights, float[] bias) {
        this(categories, features, idf, weights, bias, 1.0);
    }

    CategoryModel(List<String> categories, String[] features, float[] idf, float[][] weights, float[] bias, double temperature) {
        this(categories, FeatureNames.of(features), idf, featureMajor(weights, features.length), bias, temperature);
    }

    private CategoryModel(List<String> categories, FeatureNames features, float[] idf, float[] weights, float[] bias, double temperature) {
        this.temperature = temperature;
        this.categories = List.copyOf(categories);
        this.features = features;
        this.idf = idf;
        this.weights = weights;
        this.bias = bias;
        this.vocabulary = new NgramIndex(features);
        int longest = 1;
        boolean hasWords = false;
        for (int i = 0; i < features.size(); i++) {
            int length = features.length(i);
            char first = features.first(i);
            if (first == TextFeatures.WORD_MARK) {
                hasWords = true;
                continue;
            }
            longest = Math.max(longest, first == TextFeatures.SUBJECT_MARK ? length - 1 : length);
        }
        this.maxN = longest;
        this.words = hasWords;
    }

    private static float[] featureMajor(float[][] classMajor, int features) {
        float[] out = new float[classMajor.length * features];
        for (int c = 0; c < classMajor.length; c++) {
            for (int i = 0; i < features; i++) {
                out[i * classMajor.length + c] = classMajor[c][i];
            }
        }
        return out;
    }

    public List<String> categories() {
        return categories;
    }

    public int featureCount() {
        return features.size();
    }

    public double temperature() {
        return temperature;
    }

    String feature(int index) {
        return features.get(index);
    }

    float idf(int index) {
        return idf[index];
    }

    /** Below this many letters and digits a text says too little to classify; the model abstains. */
    static final int MIN_CHARACTERS = 4;

    /** The category, its probability, and the n-grams that pushed hardest towards it. */
    public Classification classify(String subject, String body) {
        String s = TextFeatures.normalise(subject);
        String b = TextFeatures.normalise(body);
        if (s.length() + b.length() < MIN_CHARACTERS) {
            return Classification.unknown();
        }
        SparseVector x = vectoriseNormalised(s, b);
        double[] p = probabilities(x);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        if (x.size() == 0) {
            return Classification.unknown();
        }
        return new Classification(categories.get(best), p[best], evidence(x, best, 5));
    }

    /** Every category's probability, in the order of {@link #categories()}; null when the model would abstain. */
    public double[] probabilities(String subject, String body) {
        String s = TextFeatures.normalise(subject);
        String b = TextFeatures.normalise(body);
        if (s.length() + b.length() < MIN_CHARACTERS) {
            return null;
        }
        return probabilities(vectoriseNormalised(s, b));
    }

    public Classification classify(String text) {
        return classify(null, text);
    }

    /**
     * Learns from one confirmed example (an operator's correction) with a single gradient step, so the next petition
     * already benefits. Only n-grams in the vocabulary learn; new words wait for the next full training. Readers do
     * not lock: a classification that overlaps an update sees some weights before it and some after, which is
     * harmless for a single step.
     */
    public synchronized void learn(String subject, String body, String category, double rate) {
        int y = categories.indexOf(category);
        if (y < 0) {
            throw new IllegalArgumentException("unknown category " + category + "; one of " + categories);
        }
        SparseVector x = vectorise(subject, body);
        double[] p = probabilities(x);
        for (int c = 0; c < p.length; c++) {
            double g = temperature * (p[c] - (c == y ? 1 : 0));
            for (int k = 0; k < x.size(); k++) {
                weights[x.index(k) * p.length + c] -= (float) (rate * g * x.value(k));
            }
            bias[c] -= (float) (rate * g);
        }
    }

    double[] probabilities(SparseVector x) {
        int classes = categories.size();
        double[] scores = new double[classes];
        for (int c = 0; c < classes; c++) {
            scores[c] = bias[c];
        }
        // The same sums in the same order per class as a class-major loop, so the same probabilities to the bit.
        for (int k = 0; k < x.size(); k++) {
            int row = x.index(k) * classes;
            float v = x.value(k);
            for (int c = 0; c < classes; c++) {
                scores[c] += weights[row + c] * v;
            }
        }
        for (int c = 0; c < classes; c++) {
            scores[c] *= temperature;
        }
        return softmax(scores);
    }

    SparseVector vectorise(String subject, String body) {
        return vectoriseNormalised(TextFeatures.normalise(subject), TextFeatures.normalise(body));
    }

    private SparseVector vectoriseNormalised(String subject, String body) {
        NgramIndex.Counts counts = TextFeatures.indexedCounts(subject, body, vocabulary, maxN, words);
        int n = counts.size();
        int[] index = new int[n];
        float[] value = new float[n];
        double norm = 0;
        for (int k = 0; k < n; k++) {
            int i = counts.key(k);
            float v = (float) ((1 + Math.log(counts.count(k))) * idf[i]);
            index[k] = i;
            value[k] = v;
            norm += v * v;
        }
        float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < n; k++) {
            value[k] *= inv;
        }
        return new SparseVector(index, value);
    }

    /** Sublinear TF times IDF, L2-normalised; n-grams outside the vocabulary are dropped. */
    static SparseVector vectorise(Map<String, Integer> counts, Map<String, Integer> vocabulary, float[] idf) {
        int[] index = new int[counts.size()];
        float[] value = new float[counts.size()];
        int n = 0;
        double norm = 0;
        for (var e : counts.entrySet()) {
            Integer i = vocabulary.get(e.getKey());
            if (i != null) {
                float v = (float) ((1 + Math.log(e.getValue())) * idf[i]);
                index[n] = i;
                value[n] = v;
                norm += v * v;
                n++;
            }
        }
        float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < n; k++) {
            value[k] *= inv;
        }
        return new SparseVector(Arrays.copyOf(index, n), Arrays.copyOf(value, n));
    }

    static double[] softmax(double[] scores) {
        double max = Arrays.stream(scores).max().orElse(0);
        double sum = 0;
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(scores[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The n-grams that pushed hardest towards class {@code c}, strongest first (a partial selection, not a sort). */
    private List<String> evidence(SparseVector x, int c, int limit) {
        int[] best = new int[limit];
        double[] score = new double[limit];
        int found = 0;
        for (int k = 0; k < x.size(); k++) {
            float w = weights[x.index(k) * categories.size() + c];
            if (w <= 0) {
                continue;
            }
            double contribution = w * x.value(k);
            if (found < limit || contribution > score[found - 1]) {
                int at = found < limit ? found++ : limit - 1;
                while (at > 0 && score[at - 1] < contribution) {
                    best[at] = best[at - 1];
                    score[at] = score[at - 1];
                    at--;
                }
                best[at] = k;
                score[at] = contribution;
            }
        }
        List<String> out = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            out.add(TextFeatures.describe(features.get(x.index(best[i]))));
        }
        return out;
    }

    public void write(OutputStream target) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(target, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeDouble(temperature);
            out.writeInt(categories.size());
            for (String c : categories) {
                out.writeUTF(c);
            }
            out.writeInt(features.size());
            for (int i = 0; i < features.size(); i++) {
                out.writeUTF(features.get(i));
                out.writeFloat(idf[i]);
            }
            int classes = categories.size();
            for (int c = 0; c < classes; c++) {
                out.writeFloat(bias[c]);
                float max = 0;
                for (int i = c; i < weights.length; i += classes) {
                    max = Math.max(max, Math.abs(weights[i]));
                }
                float scale = max == 0 ? 1 : max / 127f;
                out.writeFloat(scale);
                for (int i = c; i < weights.length; i += classes) {
                    out.writeByte(Math.round(weights[i] / scale));
                }
            }
        }
    }

    public static CategoryModel read(InputStream source) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(source, 1 << 16)))) {
            int magic = in.readInt();
            if (magic != MAGIC && magic != MAGIC_WITHOUT_TEMPERATURE) {
                throw new IOException("not a Wenzheng category model");
            }
            double temperature = magic == MAGIC ? in.readDouble() : 1.0;
            int classes = in.readInt();
            List<String> categories = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                categories.add(in.readUTF());
            }
            int size = in.readInt();
            FeatureNames.Builder names = new FeatureNames.Builder(size);
            float[] idf = new float[size];
            for (int i = 0; i < size; i++) {
                names.add(in.readUTF());
                idf[i] = in.readFloat();
            }
            float[] weights = new float[classes * size];
            float[] bias = new float[classes];
            for (int c = 0; c < classes; c++) {
                bias[c] = in.readFloat();
                float scale = in.readFloat();
                for (int i = 0; i < size; i++) {
                    weights[i * classes + c] = in.readByte() * scale;
                }
            }
            return new CategoryModel(categories, names.build(), idf, weights, bias, temperature);
        }
    }

    /** The model shipped with the service, trained by {@code ./wenzheng train}. */
    public static CategoryModel bundled() {
        try (InputStream in = CategoryModel.class.getResourceAsStream("/model/category-model.bin.gz")) {
            if (in == null) {
                throw new IllegalStateException("bundled model /model/category-model.bin.gz is missing; run ./wenzheng train");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled category model", e);
        }
    }

    record SparseVector(int[] indices, float[] values) {
        int size() {
            return indices.length;
        }

        int index(int k) {
            return indices[k];
        }

        float value(int k) {
            return values[k];
        }
    }
}
