package io.wenzheng.routing.classifier;

import java.util.HashMap;
import java.util.Map;

/**
 * Character n-grams of a petition: no word segmenter needed, and the same features whether the text kept its
 * spaces, lost them, or survived only segmented. The subject counts separately, because it names the issue.
 */
public final class TextFeatures {
    static final int MAX_N = 3;
    private static final char SUBJECT_MARK = '\u0001';

    private TextFeatures() {
    }

    /** Term counts of every n-gram (1 to 3 characters) of the normalised subject and body. */
    public static Map<String, Integer> counts(String subject, String body) {
        Map<String, Integer> counts = new HashMap<>();
        String s = normalise(subject);
        String b = normalise(body);
        add(counts, s, "");
        add(counts, b, "");
        add(counts, s, String.valueOf(SUBJECT_MARK));
        return counts;
    }

    /** Keeps letters and digits (CJK included), lower-cases, folds every digit to 0. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isDigit(cp)) {
                out.append('0');
            } else if (Character.isLetter(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return out.toString();
    }

    private static void add(Map<String, Integer> counts, String text, String prefix) {
        for (int i = 0; i < text.length(); i++) {
            for (int n = 1; n <= MAX_N && i + n <= text.length(); n++) {
                counts.merge(prefix + text.substring(i, i + n), 1, Integer::sum);
            }
        }
    }

    /** How a feature reads to a person: subject features are marked. */
    static String describe(String feature) {
        return feature.charAt(0) == SUBJECT_MARK ? "subject:" + feature.substring(1) : feature;
    }
}
