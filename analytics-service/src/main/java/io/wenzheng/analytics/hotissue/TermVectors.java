package io.wenzheng.analytics.hotissue;

import java.util.Map;

/** Sparse term vectors as maps from term to weight, as both the surge detector and hot-issue ranking keep them. */
public final class TermVectors {
    private TermVectors() {
    }

    /** The dot product, walking the smaller map; the cosine when both are unit length. */
    public static double dot(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return dot;
    }

    public static double norm(Map<String, Double> v) {
        double sum = 0;
        for (double x : v.values()) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
