package io.wenzheng.routing.classifier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The classifier's evidence as a person reads it: the petition's own words, not the model's feature tokens. */
public final class Evidence {
    /** More than this many words reads as noise on a triage card. */
    static final int MOST = 4;

    private Evidence() {
    }

    /**
     * Strips the subject and word marks, drops fragments without a letter (spaces, punctuation) and fragments inside a
     * longer piece of evidence ("噪" when "噪音" is there), keeps the strongest first. Single characters stay only when
     * nothing longer is left, since "音" alone tells a person nothing.
     */
    public static List<String> forPeople(List<String> evidence) {
        LinkedHashSet<String> pieces = new LinkedHashSet<>();
        for (String feature : evidence) {
            String piece = feature.startsWith("subject:") ? feature.substring(8) : feature.startsWith("word:") ? feature.substring(5) : feature;
            piece = piece.strip();
            if (piece.codePoints().anyMatch(Character::isLetterOrDigit)) {
                pieces.add(piece);
            }
        }
        List<String> longer = pieces.stream().filter(p -> p.codePointCount(0, p.length()) > 1).toList();
        List<String> candidates = longer.isEmpty() ? List.copyOf(pieces) : longer;
        List<String> out = new ArrayList<>();
        for (String piece : candidates) {
            boolean inside = candidates.stream().anyMatch(other -> other.length() > piece.length() && other.contains(piece));
            if (!inside && out.size() < MOST) {
                out.add(piece);
            }
        }
        return List.copyOf(out);
    }
}
