package io.wenzheng.intake.duplicate;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** How alike two petitions read: Jaccard similarity of their character bigrams, punctuation and spaces ignored. */
public final class TextSimilarity {
    private static final int[] NONE = new int[0];

    private TextSimilarity() {
    }

    public static double of(String a, String b) {
        return against(a).applyAsDouble(b);
    }

    /** The similarity of each of many texts to one, whose bigrams are worked out once (a citizen's earlier petitions). */
    public static ToDoubleFunction<String> against(String text) {
        int[] x = bigrams(text);
        return other -> {
            int[] y = bigrams(other);
            if (x.length == 0 && y.length == 0) {
                return text == null || other == null ? 0 : 1;
            }
            int both = shared(x, y);
            return both / (double) (x.length + y.length - both);
        };
    }

    /** The distinct bigrams of the text's letters and digits, lower-cased, each two chars packed in an int, sorted. */
    static int[] bigrams(String text) {
        if (text == null) {
            return NONE;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                kept.appendCodePoint(Character.toLowerCase(c));
            }
        }
        if (kept.length() < 2) {
            return NONE;
        }
        int[] out = new int[kept.length() - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = kept.charAt(i) << 16 | kept.charAt(i + 1);
        }
        Arrays.sort(out);
        int distinct = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    private static int shared(int[] x, int[] y) {
        int both = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                both++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return both;
    }
}
