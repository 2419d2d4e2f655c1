package io.wenzheng.kit.sql;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Group commit for a hot write that callers make one at a time: an item that arrives while a write is under way waits
 * for it, and all items that waited go together in the next write. One caller alone waits for one write, as before;
 * a hundred concurrent callers share a few statements and commits instead of a hundred. Each caller is answered only
 * once its own item is durable, on its own Vert.x context. A group the database refuses is written again item by item,
 * in order, so that one bad item (a key taken) fails only its own caller.
 *
 * @param <T> what one caller writes
 */
public final class GroupCommit<T> {
    private final int mostPerGroup;
    private final int writers;
    private final Function<List<T>, Uni<?>> writeGroup;
    private final Function<T, Uni<?>> writeAlone;
    private final IntConsumer committed;

    private final Object lock = new Object();
    private List<Waiting<T>> queued = new ArrayList<>();
    private int writing;

    /** One write at a time. */
    public GroupCommit(int mostPerGroup, Function<List<T>, Uni<?>> writeGroup, Function<T, Uni<?>> writeAlone, IntConsumer committed) {
        this(mostPerGroup, 1, writeGroup, writeAlone, committed);
    }

    /**
     * @param writers    how many writes may be under way at once: items wait only when all of them are busy, so one
     *                   slow write does not hold back everything that arrives meanwhile
     * @param writeGroup writes a group in one transaction, all or nothing
     * @param writeAlone writes one item of a refused group
     * @param committed  told the size of each group that committed whole (for a metric)
     */
    public GroupCommit(int mostPerGroup, int writers, Function<List<T>, Uni<?>> writeGroup, Function<T, Uni<?>> writeAlone,
                       IntConsumer committed) {
        if (mostPerGroup < 1 || writers < 1) {
            throw new IllegalArgumentException("a group holds at least one item, and at least one write goes at a time");
        }
        this.mostPerGroup = mostPerGroup;
        this.writers = writers;
        this.writeGroup = writeGroup;
        this.writeAlone = writeAlone;
        this.committed = committed;
    }

    /** An item and its caller, answered on the caller's own Vert.x context. */
    private record Waiting<T>(T item, CompletableFuture<Void> written, Context context) {
        void done(Throwable failure) {
            Runnable answer = () -> {
                if (failure == null) {
                    written.complete(null);
                } else {
                    written.completeExceptionally(failure);
                }
            };
            if (context == null) {
                answer.run();
            } else {
                context.runOnContext(ignored -> answer.run());
            }
        }
    }

    /**
     * Completes when the item is committed, or fails with the database's error for it. Lazy, like any Uni: the item
     * joins a group when the answer is subscribed to, and again at each new subscription (a retry writes it again).
     */
    public Uni<Void> write(T item) {
        return Uni.createFrom().deferred(() -> {
            Waiting<T> waiting = new Waiting<>(item, new CompletableFuture<>(), Vertx.currentContext());
            boolean start;
            synchronized (lock) {
                queued.add(waiting);
                start = writing < writers;
                if (start) {
                    writing++;
                }
            }
            if (start) {
                writeQueued();
            }
            return Uni.createFrom().completionStage(waiting.written);
        });
    }

    private void writeQueued() {
        List<Waiting<T>> group;
        synchronized (lock) {
            if (queued.isEmpty()) {
                writing--;
                return;
            }
            int n = Math.min(queued.size(), mostPerGroup);
            group = new ArrayList<>(queued.subList(0, n));
            queued = new ArrayList<>(queued.subList(n, queued.size()));
        }
        writeGroup(group).subscribe().with(ignored -> writeQueued(), failure -> writeQueued());
    }

    private Uni<Void> writeGroup(List<Waiting<T>> group) {
        List<T> items = group.stream().map(Waiting::item).toList();
        // Deferred: whatever goes wrong, even before the statement is sent, answers the callers and frees the writer.
        return Uni.createFrom().deferred(() -> writeGroup.apply(items))
                .invoke(() -> {
                    committed.accept(group.size());
                    group.forEach(w -> w.done(null));
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> group.size() == 1 ? answered(group.get(0), failure) : oneByOne(group));
    }

    /** After a refused group: each item written alone, in order, and answered with its own outcome. */
    private Uni<Void> oneByOne(List<Waiting<T>> group) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Waiting<T> waiting : group) {
            chain = chain.chain(() -> Uni.createFrom().deferred(() -> writeAlone.apply(waiting.item()))
                    .onItemOrFailure().transformToUni((ignored, failure) -> answered(waiting, failure)));
        }
        return chain;
    }

    private static Uni<Void> answered(Waiting<?> waiting, Throwable failure) {
        waiting.done(failure);
        return Uni.createFrom().voidItem();
    }
}
