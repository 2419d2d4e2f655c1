package io.wenzheng.kit.inbox;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a poll batch as one unit of work and, when the unit fails, finds the records that fail on their own: the
 * batch is split in halves and each half is tried again, in order, down to single records. Everything that can
 * commit commits, in the order it was read, and a poison record costs about 2·log2(n) extra attempts instead of
 * holding back its partition.
 *
 * <p>Splitting is for failures that abort the unit (a constraint the database enforces, say). A record the work
 * itself can tell is bad is refused by the attempt, which commits the rest at once: a batch of nothing but such
 * records is still one attempt.
 */
public final class PoisonIsolation {
    private PoisonIsolation() {
    }

    /** A record that failed alone, with the failure of its last attempt. */
    public record Failed<T>(T item, Throwable reason) {
    }

    /**
     * @param attempt does the work for a run of consecutive records in one transaction and answers those it refused
     *                without failing, or fails; it retries what it should retry itself (a database outage, a transient
     *                failure of a single record)
     * @return the records that were refused or failed alone, in order
     */
    public static <T> Uni<List<Failed<T>>> run(List<T> items, Function<List<T>, Uni<List<Failed<T>>>> attempt) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return attempt.apply(items)
                .onFailure().recoverWithUni(failure -> {
                    if (items.size() == 1) {
                        return Uni.createFrom().item(List.of(new Failed<>(items.get(0), failure)));
                    }
                    int half = items.size() / 2;
                    List<T> first = List.copyOf(items.subList(0, half));
                    List<T> second = List.copyOf(items.subList(half, items.size()));
                    return run(first, attempt).chain(failedFirst -> run(second, attempt).map(failedSecond -> {
                        List<Failed<T>> all = new ArrayList<>(failedFirst);
                        all.addAll(failedSecond);
                        return all;
                    }));
                });
    }
}
