package io.wenzheng.intake.duplicate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A petition of a group, as the check needs it: whose it is, what it says, when it came. */
    public record Candidate(String id, String citizen, String text, Instant receivedAt) {
    }

    /**
     * The repeats among a group of petitions, each against its citizen's earlier petitions ({@code earlier}, newest
     * first, per citizen) and against those of the group received before it: the id each repeats, by the repeat's id.
     */
    public Map<String, String> repeatsIn(List<Candidate> group, Map<String, List<Earlier>> earlier) {
        Map<String, List<Earlier>> seen = new HashMap<>();
        earlier.forEach((citizen, list) -> seen.put(citizen, new ArrayList<>(list)));
        List<Candidate> inOrder = new ArrayList<>(group);
        inOrder.sort(Comparator.comparing(Candidate::receivedAt));
        Map<String, String> repeats = new HashMap<>();
        for (Candidate c : inOrder) {
            if (c.citizen() == null) {
                continue;
            }
            List<Earlier> before = seen.computeIfAbsent(c.citizen(), citizen -> new ArrayList<>());
            String of = repeatOf(c.text(), c.receivedAt(), before);
            if (of != null) {
                repeats.put(c.id(), of);
            }
            before.add(0, new Earlier(c.id(), c.text(), of, c.receivedAt()));
        }
        return repeats;
    }
}
