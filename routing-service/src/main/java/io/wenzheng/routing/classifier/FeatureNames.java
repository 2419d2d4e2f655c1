package io.wenzheng.routing.classifier;

import java.util.Arrays;

/**
 * The vocabulary's n-grams packed into one string with their offsets. Half a million n-grams of one to three
 * characters as separate strings take about 24 MB of heap (object, array header and padding for a few bytes of text);
 * packed they take about 5.
 */
final class FeatureNames {
    private final String packed;
    private final int[] starts; // feature i is packed[starts[i], starts[i + 1])

    private FeatureNames(String packed, int[] starts) {
        this.packed = packed;
        this.starts = starts;
    }

    static FeatureNames of(String[] features) {
        Builder builder = new Builder(features.length);
        for (String f : features) {
            builder.add(f);
        }
        return builder.build();
    }

    int size() {
        return starts.length - 1;
    }

    String get(int i) {
        return packed.substring(starts[i], starts[i + 1]);
    }

    /** The packed text, for reading feature {@code i} at {@link #start} without a copy. */
    String packed() {
        return packed;
    }

    int start(int i) {
        return starts[i];
    }

    int length(int i) {
        return starts[i + 1] - starts[i];
    }

    /** The first character of feature {@code i}, where a subject or word mark sits; 0 for an empty feature. */
    char first(int i) {
        return length(i) == 0 ? 0 : packed.charAt(starts[i]);
    }

    static final class Builder {
        private final StringBuilder packed;
        private int[] starts;
        private int size;

        Builder(int expected) {
            this.packed = new StringBuilder(expected * 3);
            this.starts = new int[expected + 1];
        }

        Builder add(String feature) {
            if (size + 1 == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            packed.append(feature);
            starts[++size] = packed.length();
            return this;
        }

        FeatureNames build() {
            return new FeatureNames(packed.toString(), Arrays.copyOf(starts, size + 1));
        }
    }
}
