package io.wenzheng.kit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The group commit's own rules, with a writer the test completes by hand; the database's side is tested where it is used. */
class GroupCommitTest {
    /** Each group the writer was asked for, and the emitter that completes its write. */
    private final List<List<String>> groups = new CopyOnWriteArrayList<>();
    private final List<UniEmitter<? super Void>> pending = new CopyOnWriteArrayList<>();
    private final List<String> alone = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> committed = new CopyOnWriteArrayList<>();

    private GroupCommit<String> commit(int most) {
        return new GroupCommit<>(most,
                group -> Uni.createFrom().<Void>emitter(e -> {
                    groups.add(group);
                    pending.add(e);
                }),
                item -> {
                    alone.add(item);
                    return item.startsWith("bad") ? Uni.createFrom().failure(new IllegalStateException("key of " + item + " taken"))
                            : Uni.createFrom().voidItem();
                },
                committed::add);
    }

    private static CompletableFuture<Void> written(GroupCommit<String> commit, String item) {
        return commit.write(item).subscribeAsCompletionStage();
    }

    @Test
    void aLoneItemGoesAtOnceAndThoseArrivingMeanwhileGoTogetherNext() throws Exception {
        GroupCommit<String> commit = commit(64);
        CompletableFuture<Void> first = written(commit, "a");
        assertThat(groups).containsExactly(List.of("a"));
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (String item : List.of("b", "c", "d")) {
            waiting.add(written(commit, item));
        }
        assertThat(groups).as("nothing more is written while a write is under way").hasSize(1);
        assertThat(first).isNotDone();

        pending.get(0).complete(null);
        first.get(1, TimeUnit.SECONDS);
        assertThat(groups).containsExactly(List.of("a"), List.of("b", "c", "d"));
        assertThat(waiting).noneMatch(CompletableFuture::isDone);

        pending.get(1).complete(null);
        for (CompletableFuture<Void> w : waiting) {
            w.get(1, TimeUnit.SECONDS);
        }
        assertThat(committed).containsExactly(1, 3);
        assertThat(alone).isEmpty();
    }

    @Test
    void withTwoWritersASecondItemGoesAtOnceAndOnlyTheThirdWaits() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(64, 2,
                group -> Uni.createFrom().<Void>emitter(e -> {
                    groups.add(group);
                    pending.add(e);
                }), item -> Uni.createFrom().voidItem(), committed::add);
        CompletableFuture<Void> a = written(commit, "a");
        CompletableFuture<Void> b = written(commit, "b");
        CompletableFuture<Void> c = written(commit, "c");
        CompletableFuture<Void> d = written(commit, "d");
        assertThat(groups).as("two writes under way, the rest waiting").containsExactly(List.of("a"), List.of("b"));
        pending.get(1).complete(null);
        b.get(1, TimeUnit.SECONDS);
        assertThat(a).isNotDone();
        assertThat(groups).as("the writer that finished takes all that waited").last().isEqualTo(List.of("c", "d"));
        pending.get(0).complete(null);
        pending.get(2).complete(null);
        a.get(1, TimeUnit.SECONDS);
        c.get(1, TimeUnit.SECONDS);
        d.get(1, TimeUnit.SECONDS);
        assertThat(groups).hasSize(3);
        written(commit, "e");
        written(commit, "f");
        assertThat(groups).as("both writers are free again").hasSize(5);
    }

    @Test
    void aGroupIsNoLargerThanItsBound() {
        GroupCommit<String> commit = commit(2);
        written(commit, "a");
        written(commit, "b");
        written(commit, "c");
        written(commit, "d");
        pending.get(0).complete(null);
        pending.get(1).complete(null);
        assertThat(groups).containsExactly(List.of("a"), List.of("b", "c"), List.of("d"));
    }

    @Test
    void aRefusedGroupIsWrittenItemByItemAndOnlyTheBadItemFails() throws Exception {
        GroupCommit<String> commit = commit(64);
        CompletableFuture<Void> first = written(commit, "a");
        CompletableFuture<Void> good = written(commit, "good-1");
        CompletableFuture<Void> bad = written(commit, "bad-2");
        CompletableFuture<Void> alsoGood = written(commit, "good-3");
        pending.get(0).complete(null);
        first.get(1, TimeUnit.SECONDS);

        pending.get(1).fail(new IllegalStateException("duplicate key"));
        good.get(1, TimeUnit.SECONDS);
        alsoGood.get(1, TimeUnit.SECONDS);
        assertThat(bad).failsWithin(1, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("key of bad-2 taken");
        assertThat(alone).containsExactly("good-1", "bad-2", "good-3");
        assertThat(committed).as("only whole groups are counted").containsExactly(1);

        CompletableFuture<Void> after = written(commit, "e");
        assertThat(groups).as("the writer is free again").last().isEqualTo(List.of("e"));
        pending.get(2).complete(null);
        after.get(1, TimeUnit.SECONDS);
    }

    @Test
    void aLoneItemRefusedFailsWithTheGroupsErrorAndIsNotWrittenAgain() {
        GroupCommit<String> commit = commit(64);
        CompletableFuture<Void> only = written(commit, "bad-1");
        pending.get(0).fail(new IllegalStateException("database away"));
        assertThat(only).failsWithin(1, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("database away");
        assertThat(alone).isEmpty();
    }

    @Test
    void aWriterThatThrowsBeforeItsStatementAnswersTheCallerAndFreesTheWriter() throws Exception {
        boolean[] broken = {true};
        GroupCommit<String> commit = new GroupCommit<>(64, group -> {
            if (broken[0]) {
                broken[0] = false;
                throw new IllegalArgumentException("cannot bind");
            }
            return Uni.createFrom().voidItem();
        }, item -> Uni.createFrom().voidItem(), size -> { });
        assertThat(written(commit, "a")).failsWithin(1, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("cannot bind");
        written(commit, "b").get(1, TimeUnit.SECONDS);
    }
}
