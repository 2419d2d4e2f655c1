package io.wenzheng.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoisonIsolationTest {

    /** Commits a run only when none of it is poison, like a transaction would. */
    private static final class Ledger {
        final Set<Integer> poison;
        final List<Integer> committed = new ArrayList<>();
        int attempts;

        Ledger(Set<Integer> poison) {
            this.poison = poison;
        }

        Uni<List<PoisonIsolation.Failed<Integer>>> attempt(List<Integer> run) {
            attempts++;
            return run.stream().filter(poison::contains).findFirst()
                    .map(bad -> Uni.createFrom().<List<PoisonIsolation.Failed<Integer>>>failure(
                            new IllegalArgumentException("record " + bad + " is poison")))
                    .orElseGet(() -> {
                        committed.addAll(run);
                        return Uni.createFrom().item(List.of());
                    });
        }
    }

    /** Refuses the records it can tell are bad and commits the rest, like a handler answering refusals. */
    private static final class Refusing {
        final Set<Integer> bad;
        final List<Integer> committed = new ArrayList<>();
        int attempts;

        Refusing(Set<Integer> bad) {
            this.bad = bad;
        }

        Uni<List<PoisonIsolation.Failed<Integer>>> attempt(List<Integer> run) {
            attempts++;
            run.stream().filter(i -> !bad.contains(i)).forEach(committed::add);
            return Uni.createFrom().item(run.stream().filter(bad::contains)
                    .map(i -> new PoisonIsolation.Failed<>(i, (Throwable) new EventRefused("record " + i + " is refused")))
                    .toList());
        }
    }

    @Test
    void aBatchOfNothingButRefusedRecordsIsOneAttempt() {
        Refusing refusing = new Refusing(Set.copyOf(upTo(500)));
        var failed = PoisonIsolation.run(upTo(500), refusing::attempt).await().indefinitely();
        assertThat(failed).extracting(PoisonIsolation.Failed::item).isEqualTo(upTo(500));
        assertThat(failed.get(499).reason()).isInstanceOf(EventRefused.class).hasMessage("record 499 is refused");
        assertThat(refusing.committed).isEmpty();
        assertThat(refusing.attempts).isEqualTo(1);
    }

    @Test
    void refusedRecordsDoNotHoldBackTheRestOfTheirBatch() {
        Refusing refusing = new Refusing(Set.of(3, 9));
        var failed = PoisonIsolation.run(upTo(12), refusing::attempt).await().indefinitely();
        assertThat(failed).extracting(PoisonIsolation.Failed::item).containsExactly(3, 9);
        assertThat(refusing.committed).containsExactly(0, 1, 2, 4, 5, 6, 7, 8, 10, 11);
        assertThat(refusing.attempts).isEqualTo(1);
    }

    private static List<Integer> upTo(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void aCleanBatchIsOneAttempt() {
        Ledger ledger = new Ledger(Set.of());
        var failed = PoisonIsolation.run(upTo(300), ledger::attempt).await().indefinitely();
        assertThat(failed).isEmpty();
        assertThat(ledger.committed).isEqualTo(upTo(300));
        assertThat(ledger.attempts).isEqualTo(1);
    }

    @Test
    void onePoisonRecordInTheMiddleIsIsolatedAndEverythingElseCommitsInOrder() {
        Ledger ledger = new Ledger(Set.of(137));
        var failed = PoisonIsolation.run(upTo(300), ledger::attempt).await().indefinitely();
        assertThat(failed).extracting(PoisonIsolation.Failed::item).containsExactly(137);
        assertThat(failed.get(0).reason()).hasMessage("record 137 is poison");
        List<Integer> expected = new ArrayList<>(upTo(300));
        expected.remove(Integer.valueOf(137));
        assertThat(ledger.committed).as("all but the poison, in the order read").isEqualTo(expected);
        // One failed attempt per level on the way down and a successful sibling at each level: about 2·log2(300).
        assertThat(ledger.attempts).isLessThanOrEqualTo(2 * 9 + 1);
    }

    @Test
    void severalPoisonRecordsAllGoAndNothingGoodIsLostOrDoubled() {
        Set<Integer> poison = Set.of(0, 1, 50, 99);
        Ledger ledger = new Ledger(poison);
        var failed = PoisonIsolation.run(upTo(100), ledger::attempt).await().indefinitely();
        assertThat(failed).extracting(PoisonIsolation.Failed::item).containsExactly(0, 1, 50, 99);
        assertThat(ledger.committed).doesNotHaveDuplicates().hasSize(96).isSorted();
    }

    @Test
    void aBatchOfOnePoisonRecordFailsAlone() {
        Ledger ledger = new Ledger(Set.of(7));
        var failed = PoisonIsolation.run(List.of(7), ledger::attempt).await().indefinitely();
        assertThat(failed).extracting(PoisonIsolation.Failed::item).containsExactly(7);
        assertThat(ledger.attempts).isEqualTo(1);
    }

    @Test
    void anEmptyBatchDoesNothing() {
        Ledger ledger = new Ledger(Set.of());
        assertThat(PoisonIsolation.run(List.<Integer>of(), ledger::attempt).await().indefinitely()).isEmpty();
        assertThat(ledger.attempts).isZero();
    }
}
