package io.wenzheng.analytics.hotspot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A petition's character bigrams with how often each occurs, in term order. A term is its two code points packed into
 * one long: the detector remembers every petition of its horizon (eight days of a city's petitions), and a term held
 * this way costs twelve bytes where a map of strings cost about eighty.
 */
public final class Bigrams {
    private static final int BITS = 21;
    private static final long CODE_POINT = (1L << BITS) - 1;
    static final Bigrams NONE = new Bigrams(new long[0], new int[0]);

    private final long[] terms;
    private final int[] counts;

    /** @param terms ascending and distinct; {@code counts} beside them */
    Bigrams(long[] terms, int[] counts) {
        this.terms = terms;
        this.counts = counts;
    }

    /** The term of two code points; for characters of the basic plane, terms sort as their strings do. */
    public static long term(int first, int second) {
        return (long) first << BITS | second;
    }

    /** The term of a string of exactly two code points, or -1 for any other string. */
    public static long term(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        int first = text.codePointAt(0);
        int next = Character.charCount(first);
        if (next >= text.length()) {
            return -1;
        }
        int second = text.codePointAt(next);
        return next + Character.charCount(second) == text.length() ? term(first, second) : -1;
    }

    public static String text(long term) {
        return new String(new int[] {(int) (term >>> BITS), (int) (term & CODE_POINT)}, 0, 2);
    }

    /** From a map of terms to counts; strings that are not two code points are left out. */
    public static Bigrams of(Map<String, Integer> counts) {
        long[] terms = new long[counts.size()];
        int n = 0;
        Map<Long, Integer> byTerm = new HashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            long term = term(e.getKey());
            if (term >= 0 && e.getValue() > 0 && byTerm.put(term, e.getValue()) == null) {
                terms[n++] = term;
            }
        }
        long[] sorted = Arrays.copyOf(terms, n);
        Arrays.sort(sorted);
        int[] sortedCounts = new int[n];
        for (int i = 0; i < n; i++) {
            sortedCounts[i] = byTerm.get(sorted[i]);
        }
        return new Bigrams(sorted, sortedCounts);
    }

    public int size() {
        return terms.length;
    }

    public long term(int i) {
        return terms[i];
    }

    public int count(int i) {
        return counts[i];
    }

    public Map<String, Integer> asMap() {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < terms.length; i++) {
            out.put(text(terms[i]), counts[i]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bigrams other && Arrays.equals(terms, other.terms) && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(terms) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
