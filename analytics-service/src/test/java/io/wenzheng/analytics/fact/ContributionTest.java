package io.wenzheng.analytics.fact;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.analytics.measure.Counters;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.PetitionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContributionTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Instant T = Instant.parse("2026-11-26T17:30:00Z"); // 01:30 on the 27th in the city

    private static FactSnapshot fact(String unit, PetitionStatus status, Instant responded, Instant resolved, Integer rating) {
        return new FactSnapshot(Channel.WEIBO, "环境保护", unit, unit == null ? null : "A3", status, T, SlaState.MET,
                responded, resolved, 0, 0, rating, 0);
    }

    @Test
    void aPetitionCountsOnTheCityDayItArrived() {
        Contribution c = Contribution.of(fact("A3-S1", PetitionStatus.ROUTED, null, null, null), CITY).orElseThrow();
        assertThat(c.key()).isEqualTo(new MeasureKey(LocalDate.of(2026, 11, 27), "A3-S1", "环境保护", "WEIBO", "A3"));
        assertThat(c.counters().received()).isEqualTo(1);
        assertThat(c.counters().routed()).isEqualTo(1);
        assertThat(c.counters().firstResponseMet()).isEqualTo(1);
        assertThat(c.counters().resolved()).isZero();
    }

    @Test
    void withoutTheReceiptThereIsNothingToCountYet() {
        FactSnapshot early = new FactSnapshot(null, null, "A3", null, PetitionStatus.ROUTED, null, SlaState.RUNNING,
                null, null, 0, 0, null, 0);
        assertThat(Contribution.of(early, CITY)).isEmpty();
    }

    @Test
    void resolvingAddsTheResolutionAndItsTimeOnly() {
        Optional<Contribution> before = Contribution.of(fact("A3-S1", PetitionStatus.RESPONDED, T.plusSeconds(600), null, null), CITY);
        Optional<Contribution> after = Contribution.of(fact("A3-S1", PetitionStatus.RESOLVED, T.plusSeconds(600), T.plusSeconds(7200), null), CITY);
        List<Contribution> delta = Contribution.delta(before, after);
        assertThat(delta).hasSize(1);
        Counters d = delta.get(0).counters();
        assertThat(d.resolved()).isEqualTo(1);
        assertThat(d.received()).isZero();
        assertThat(d.responded()).isZero();
        assertThat(d.resolutionSeconds()).isEqualTo(7200);
        assertThat(d.resolutionTimes().total()).isEqualTo(1);
        assertThat(d.firstResponseTimes().total()).isZero();
    }

    @Test
    void aTransferMovesThePetitionFromOneUnitsRowToTheOthers() {
        Optional<Contribution> before = Contribution.of(fact("A3-S1", PetitionStatus.ROUTED, null, null, null), CITY);
        Optional<Contribution> after = Contribution.of(fact("A-ENV", PetitionStatus.TRANSFERRED, null, null, null), CITY);
        List<Contribution> delta = Contribution.delta(before, after);
        assertThat(delta).extracting(c -> c.key().unitCode()).containsExactly("A3-S1", "A-ENV");
        assertThat(delta.get(0).counters().received()).isEqualTo(-1);
        assertThat(delta.get(1).counters().received()).isEqualTo(1);
        assertThat(delta.get(0).counters().plus(delta.get(1).counters()).received()).isZero();
    }

    @Test
    void anEventThatChangesNoFigureWritesNothing() {
        Optional<Contribution> same = Contribution.of(fact("A3-S1", PetitionStatus.ROUTED, null, null, null), CITY);
        assertThat(Contribution.delta(same, same)).isEmpty();
        assertThat(Contribution.delta(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void aHandBackCountsAgainstTheUnitThatGaveThePetitionBack() {
        Contribution c = Contribution.handBack(fact("A3-S1", PetitionStatus.ROUTED, null, null, null), "A3-S1", CITY).orElseThrow();
        assertThat(c.key().unitCode()).isEqualTo("A3-S1");
        assertThat(c.counters().handedBack()).isEqualTo(1);
        assertThat(c.counters().received()).as("the petition itself moves with the re-route").isZero();
    }
}
