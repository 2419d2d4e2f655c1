package io.wenzheng.intake.duplicate;

import java.util.HashSet;
import java.util.Set;

/** How alike two petitions read: Jaccard similarity of their character bigrams, punctuation and spaces ignored. */
public final class TextSimilarity {
    private TextSimilarity() {
    }

    public static double of(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() && y.isEmpty()) {
            return a == null || b == null ? 0 : 1;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return both.size() / (double) (x.size() + y.size() - both.size());
    }

    private static Set<String> bigrams(String text) {
        Set<String> out = new HashSet<>();
        if (text == null) {
            return out;
        }
        StringBuilder kept = new StringBuilder();
        text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(kept::appendCodePoint);
        for (int i = 0; i + 2 <= kept.length(); i++) {
            out.add(kept.substring(i, i + 2));
        }
        return out;
    }
}
