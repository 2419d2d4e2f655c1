package io.wenzheng.analytics.hotspot;

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
    public static Map<String, Integer> bigrams(String text) {
        Map<String, Integer> counts = new HashMap<>();
        if (text == null) {
            return counts;
        }
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean word = Character.isLetterOrDigit(cp);
            if (word && previous >= 0) {
                counts.merge(new String(new int[] {previous, Character.toLowerCase(cp)}, 0, 2), 1, Integer::sum);
            }
            previous = word ? Character.toLowerCase(cp) : -1;
        }
        if (counts.size() > MAX_TERMS) {
            Map<String, Integer> top = new HashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).limit(MAX_TERMS).forEach(e -> top.put(e.getKey(), e.getValue()));
            return top;
        }
        return counts;
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
