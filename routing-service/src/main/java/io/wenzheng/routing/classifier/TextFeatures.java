package io.wenzheng.routing.classifier;

import java.util.HashMap;
import java.util.Map;

/**
 * Character n-grams of a petition: no word segmenter needed, and the same features whether the text kept its
 * spaces, lost them, or survived only segmented. The subject counts separately, because it names the issue.
 */
public final class TextFeatures {
    /** The longest n-gram of the default settings. */
    static final int MAX_N = 3;
    static final char SUBJECT_MARK = '\u0001';
    /** Marks a word feature (HanLP's segmentation) among the character n-grams. */
    static final char WORD_MARK = '\u0002';

    private TextFeatures() {
    }

    /** Term counts of every n-gram (1 to 3 characters) of the normalised subject and body. */
    public static Map<String, Integer> counts(String subject, String body) {
        return counts(subject, body, MAX_N);
    }

    /** Term counts of every n-gram of 1 to {@code maxN} characters of the normalised subject and body. */
    public static Map<String, Integer> counts(String subject, String body, int maxN) {
        return counts(subject, body, maxN, false);
    }

    /** The same, and with {@code words} the words of subject and body besides. */
    public static Map<String, Integer> counts(String subject, String body, int maxN, boolean words) {
        Map<String, Integer> counts = new HashMap<>();
        String s = normalise(subject);
        String b = normalise(body);
        add(counts, s, "", maxN);
        add(counts, b, "", maxN);
        add(counts, s, String.valueOf(SUBJECT_MARK), maxN);
        if (words) {
            Words.of(s).forEach(w -> counts.merge(WORD_MARK + w, 1, Integer::sum));
            Words.of(b).forEach(w -> counts.merge(WORD_MARK + w, 1, Integer::sum));
        }
        return counts;
    }

    /** Keeps letters and digits (CJK included), lower-cases, folds every digit to 0. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isDigit(cp)) {
                out.append('0');
            } else if (Character.isLetter(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static void add(Map<String, Integer> counts, String text, String prefix, int maxN) {
        for (int i = 0; i < text.length(); i++) {
            for (int n = 1; n <= maxN && i + n <= text.length(); n++) {
                counts.merge(prefix + text.substring(i, i + n), 1, Integer::sum);
            }
        }
    }

    /**
     * Counts of the in-vocabulary n-grams, by feature index: the same as {@link #counts} looked up, without the
     * strings. Takes the subject and body already {@link #normalise normalised}.
     */
    static NgramIndex.Counts indexedCounts(String s, String b, NgramIndex vocabulary, int maxN, boolean words) {
        NgramIndex.Counts counts = new NgramIndex.Counts(Math.min(4096, (2 * s.length() + b.length()) * maxN));
        addIndexed(counts, s, NgramIndex.NO_MARK, vocabulary, maxN);
        addIndexed(counts, b, NgramIndex.NO_MARK, vocabulary, maxN);
        addIndexed(counts, s, SUBJECT_MARK, vocabulary, maxN);
        if (words) {
            addWords(counts, s, vocabulary);
            addWords(counts, b, vocabulary);
        }
        return counts;
    }

    private static void addWords(NgramIndex.Counts counts, String text, NgramIndex vocabulary) {
        for (String w : Words.of(text)) {
            int index = vocabulary.indexOf(WORD_MARK, w, 0, w.length());
            if (index >= 0) {
                counts.add(index);
            }
        }
    }

    /**
     * Stops extending an n-gram once it is outside the vocabulary: the vocabulary is chosen by document frequency,
     * and no longer n-gram occurs in more documents than its own prefix, so none of its extensions is in it either.
     */
    private static void addIndexed(NgramIndex.Counts counts, String text, char mark, NgramIndex vocabulary, int maxN) {
        for (int i = 0; i < text.length(); i++) {
            for (int n = 1; n <= maxN && i + n <= text.length(); n++) {
                int index = vocabulary.indexOf(mark, text, i, n);
                if (index < 0) {
                    break;
                }
                counts.add(index);
            }
        }
    }

    /** How a feature reads to a person: subject features are marked. */
    static String describe(String feature) {
        return feature.charAt(0) == SUBJECT_MARK ? "subject:" + feature.substring(1)
                : feature.charAt(0) == WORD_MARK ? "word:" + feature.substring(1) : feature;
    }
}
