package io.wenzheng.intake.duplicate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Whether a new petition repeats one of its citizen's earlier ones: the first earlier petition, newest first, within
 * the window and at least as alike as the threshold. A repeat points at the first of its chain, so an operator sees
 * one original however often a citizen writes again.
 */
public record RepeatCheck(Duration window, double threshold) {

    /** An earlier petition of the same citizen, as far as the check needs it. */
    public record Earlier(String id, String text, String repeatOf, Instant receivedAt) {
    }

    /** The id the new petition repeats, or null; {@code newestFirst} may hold petitions outside the window. */
    public String repeatOf(String text, Instant receivedAt, List<Earlier> newestFirst) {
        if (newestFirst.isEmpty()) {
            return null;
        }
        Instant from = receivedAt.minus(window);
        ToDoubleFunction<String> similarity = TextSimilarity.against(text);
        for (Earlier earlier : newestFirst) {
            if (earlier.receivedAt().isBefore(from) || earlier.receivedAt().isAfter(receivedAt)) {
                continue;
            }
            if (similarity.applyAsDouble(earlier.text()) >= threshold) {
                return earlier.repeatOf() != null ? earlier.repeatOf() : earlier.id();
            }
        }
        return null;
    }
}
