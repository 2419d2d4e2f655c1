package io.wenzheng.analytics.hotspot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Character bigrams of a petition's text. Chinese has no spaces, and bigrams capture most of its words ("油烟",
 * "噪音", "停车") without a segmenter; runs are split at punctuation, digits stay with letters.
 */
public final class TextFeatures {
    private static final int MAX_TERMS = 80;

    private TextFeatures() {
    }

    /** Bigram counts, capped at the most frequent terms so one long letter cannot outweigh the rest. */
    public static Bigrams bigrams(String text) {
        if (text == null || text.isEmpty()) {
            return Bigrams.NONE;
        }
        long[] all = new long[text.length()];
        int n = 0;
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean word = Character.isLetterOrDigit(cp);
            if (word && previous >= 0) {
                all[n++] = Bigrams.term(previous, Character.toLowerCase(cp));
            }
            previous = word ? Character.toLowerCase(cp) : -1;
        }
        Arrays.sort(all, 0, n);
        long[] terms = new long[n];
        int[] counts = new int[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct > 0 && terms[distinct - 1] == all[i]) {
                counts[distinct - 1]++;
            } else {
                terms[distinct] = all[i];
                counts[distinct++] = 1;
            }
        }
        if (distinct > MAX_TERMS) {
            return mostFrequent(terms, counts, distinct);
        }
        return new Bigrams(Arrays.copyOf(terms, distinct), Arrays.copyOf(counts, distinct));
    }

    /** The {@code MAX_TERMS} most frequent; of equal counts, the lower terms. */
    private static Bigrams mostFrequent(long[] terms, int[] counts, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Long.compare(terms[a], terms[b]));
        Integer[] kept = Arrays.copyOf(order, MAX_TERMS);
        Arrays.sort(kept);
        long[] keptTerms = new long[MAX_TERMS];
        int[] keptCounts = new int[MAX_TERMS];
        for (int i = 0; i < MAX_TERMS; i++) {
            keptTerms[i] = terms[kept[i]];
            keptCounts[i] = counts[kept[i]];
        }
        return new Bigrams(keptTerms, keptCounts);
    }

    /** Serialised as "term:count term:count", for the detector's memory across restarts. */
    public static String encode(Map<String, Integer> features) {
        StringBuilder out = new StringBuilder();
        features.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(e.getKey()).append(':').append(e.getValue());
        });
        return out.toString();
    }

    public static Map<String, Integer> decode(String encoded) {
        Map<String, Integer> features = new HashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return features;
        }
        for (String pair : encoded.split(" ")) {
            int colon = pair.lastIndexOf(':');
            if (colon > 0) {
                features.put(pair.substring(0, colon), Integer.parseInt(pair.substring(colon + 1)));
            }
        }
        return features;
    }
}
