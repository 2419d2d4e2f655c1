package io.wenzheng.analytics.hotspot;

import com.carrotsearch.hppc.LongDoubleHashMap;
import com.carrotsearch.hppc.cursors.LongDoubleCursor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** A sparse vector over bigram terms ({@link Bigrams#term}), in term order. */
final class TermWeights {
    static final TermWeights EMPTY = new TermWeights(new long[0], new double[0]);

    private final long[] terms;
    private final double[] weights;

    private TermWeights(long[] terms, double[] weights) {
        this.terms = terms;
        this.weights = weights;
    }

    /**
     * The {@code limit} heaviest of the first {@code n} terms (of equal weights, the lower term), in term order. The
     * arrays are taken over and may be reordered.
     */
    static TermWeights top(long[] terms, double[] weights, int n, int limit) {
        int kept = Math.min(n, limit);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (n > limit) {
            Arrays.sort(order, (a, b) -> {
                int byWeight = Double.compare(weights[b], weights[a]);
                return byWeight != 0 ? byWeight : Long.compare(terms[a], terms[b]);
            });
        }
        Integer[] chosen = Arrays.copyOf(order, kept);
        Arrays.sort(chosen, (a, b) -> Long.compare(terms[a], terms[b]));
        long[] outTerms = new long[kept];
        double[] outWeights = new double[kept];
        for (int i = 0; i < kept; i++) {
            outTerms[i] = terms[chosen[i]];
            outWeights[i] = weights[chosen[i]];
        }
        return new TermWeights(outTerms, outWeights);
    }

    static TermWeights top(LongDoubleHashMap weights, int limit) {
        long[] terms = new long[weights.size()];
        double[] values = new double[weights.size()];
        int n = 0;
        for (LongDoubleCursor c : weights) {
            terms[n] = c.key;
            values[n++] = c.value;
        }
        return top(terms, values, n, limit);
    }

    static TermWeights of(Map<String, Double> weights) {
        long[] terms = new long[weights.size()];
        double[] values = new double[weights.size()];
        int n = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            long term = Bigrams.term(e.getKey());
            if (term >= 0) {
                terms[n] = term;
                values[n++] = e.getValue();
            }
        }
        return top(terms, values, n, n);
    }

    /** Scaled to length one; nothing if it has no length. */
    TermWeights normalised() {
        double squares = 0;
        for (double w : weights) {
            squares += w * w;
        }
        double norm = Math.sqrt(squares);
        if (norm == 0) {
            return EMPTY;
        }
        double[] unit = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            unit[i] = weights[i] / norm;
        }
        return new TermWeights(terms, unit);
    }

    int size() {
        return terms.length;
    }

    boolean isEmpty() {
        return terms.length == 0;
    }

    long term(int i) {
        return terms[i];
    }

    double weight(int i) {
        return weights[i];
    }

    /** The terms themselves: not to be changed. */
    long[] terms() {
        return terms;
    }

    Map<String, Double> asMap() {
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < terms.length; i++) {
            out.put(Bigrams.text(terms[i]), weights[i]);
        }
        return out;
    }
}
