package io.wenzheng.routing.classifier;

import java.util.Arrays;

/**
 * The model's vocabulary as an open-addressing table probed with a window of the text itself, so classifying a long
 * petition allocates no string per n-gram. Each slot holds a 64-bit hash of the feature next to its index, in one
 * array: a probe costs one cache line and never reads the feature's characters. Two different n-grams sharing a
 * 64-bit hash is a chance of about 1 in 10^13 per lookup; two features sharing one is refused when the table is built.
 */
final class NgramIndex {
    static final char NO_MARK = 0;
    private static final long EMPTY = 0;

    private final long[] slots; // [2i] = hash (never EMPTY), [2i + 1] = feature index
    private final int mask;

    NgramIndex(FeatureNames features) {
        int capacity = Integer.highestOneBit(Math.max(4, features.size() * 2 - 1)) << 1;
        this.slots = new long[capacity * 2];
        this.mask = capacity - 1;
        String packed = features.packed();
        for (int i = 0; i < features.size(); i++) {
            int from = features.start(i);
            int length = features.length(i);
            char first = features.first(i);
            boolean marked = first == TextFeatures.SUBJECT_MARK || first == TextFeatures.WORD_MARK;
            long h = marked ? hash(first, packed, from + 1, length - 1) : hash(NO_MARK, packed, from, length);
            int slot = (int) h & mask;
            while (slots[2 * slot] != EMPTY) {
                if (slots[2 * slot] == h) {
                    throw new IllegalStateException("features '" + features.get(i) + "' and #" + slots[2 * slot + 1] + " share a 64-bit hash");
                }
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = h;
            slots[2 * slot + 1] = i;
        }
    }

    /** The feature index of {@code mark + text[start, start + length)}, or -1 outside the vocabulary. */
    int indexOf(char mark, String text, int start, int length) {
        long h = hash(mark, text, start, length);
        int slot = (int) h & mask;
        while (true) {
            long key = slots[2 * slot];
            if (key == h) {
                return (int) slots[2 * slot + 1];
            }
            if (key == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** FNV-1a over the characters, then a 64-bit finaliser (murmur3's); never {@link #EMPTY}. */
    private static long hash(char mark, CharSequence text, int start, int length) {
        long h = 0xcbf29ce484222325L ^ mark;
        h *= 0x100000001b3L;
        for (int i = 0; i < length; i++) {
            h ^= text.charAt(start + i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    /** Counts per feature index in first-seen order; a small open-addressing map of ints. */
    static final class Counts {
        private int[] keys;
        private int[] counts;
        private int[] order;
        private int size;
        private int mask;

        Counts(int expected) {
            int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
            keys = new int[capacity];
            Arrays.fill(keys, -1);
            counts = new int[capacity];
            order = new int[Math.max(8, expected)];
            mask = capacity - 1;
        }

        void add(int key) {
            int slot = (key * 0x9E3779B1 >>> 7) & mask;
            while (keys[slot] != -1 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == -1) {
                if (size * 2 >= keys.length) {
                    grow();
                    add(key);
                    return;
                }
                keys[slot] = key;
                if (size == order.length) {
                    order = Arrays.copyOf(order, size * 2);
                }
                order[size++] = slot;
            }
            counts[slot]++;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldCounts = counts;
            int[] oldOrder = Arrays.copyOf(order, size);
            int n = size;
            keys = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            counts = new int[keys.length];
            mask = keys.length - 1;
            size = 0;
            for (int k = 0; k < n; k++) {
                int s = oldOrder[k];
                for (int c = 0; c < oldCounts[s]; c++) {
                    add(oldKeys[s]);
                }
            }
        }

        int size() {
            return size;
        }

        int key(int k) {
            return keys[order[k]];
        }

        int count(int k) {
            return counts[order[k]];
        }
    }
}
