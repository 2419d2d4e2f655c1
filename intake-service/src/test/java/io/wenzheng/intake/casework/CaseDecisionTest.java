package io.wenzheng.intake.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.PetitionAccepted;
import io.wenzheng.contracts.PetitionReopened;
import io.wenzheng.contracts.PetitionReturned;
import io.wenzheng.contracts.PetitionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Casework's rules without a database: who may act, when, and what the petition becomes. */
class CaseDecisionTest {
    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    private static CaseDecision.CaseState with(PetitionStatus status) {
        return new CaseDecision.CaseState(status, "U-ROADS", "市政设施维护中心", "|U-CITY|");
    }

    @Test
    void theUnitThatHoldsARoutedPetitionSignsForIt() {
        CaseDecision d = CaseDecision.decide("p-1", with(PetitionStatus.ROUTED), new CaseAction.SignFor("U-ROADS"), NOW);
        assertThat(d).isInstanceOfSatisfying(CaseDecision.Taken.class, t -> {
            assertThat(t.after()).isEqualTo(with(PetitionStatus.ACCEPTED));
            assertThat(t.event()).isEqualTo(new PetitionAccepted("p-1", "U-ROADS", NOW));
        });
    }

    @Test
    void anotherUnitIsRefusedAndToldWhoHoldsIt() {
        CaseDecision d = CaseDecision.decide("p-1", with(PetitionStatus.ROUTED), new CaseAction.SignFor("U-PARKS"), NOW);
        assertThat(d).isInstanceOfSatisfying(CaseDecision.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.detail()).contains("U-ROADS").contains("U-PARKS");
        });
    }

    @ParameterizedTest
    @EnumSource(value = PetitionStatus.class, names = {"ROUTED", "TRANSFERRED"}, mode = EnumSource.Mode.EXCLUDE)
    void signingForIsRefusedInEveryOtherStatus(PetitionStatus status) {
        CaseDecision d = CaseDecision.decide("p-1", with(status), new CaseAction.SignFor("U-ROADS"), NOW);
        assertThat(d).isInstanceOfSatisfying(CaseDecision.Refused.class, r -> assertThat(r.title()).isEqualTo("Not now"));
    }

    @Test
    void aHandBackLeavesThePetitionWithNobody() {
        CaseDecision d = CaseDecision.decide("p-1", with(PetitionStatus.ACCEPTED), new CaseAction.HandBack("U-ROADS", "不归我们管"), NOW);
        assertThat(d).isInstanceOfSatisfying(CaseDecision.Taken.class, t -> {
            assertThat(t.after().unitCode()).isNull();
            assertThat(t.after().unitName()).isNull();
            assertThat(t.after().supervisingUnits()).isNull();
            assertThat(t.event()).isInstanceOf(PetitionReturned.class);
        });
        assertThat(CaseDecision.decide("p-1", with(PetitionStatus.RESPONDED), new CaseAction.HandBack("U-ROADS", "晚了"), NOW))
                .as("not once the unit has answered").isInstanceOf(CaseDecision.Refused.class);
    }

    @Test
    void theCitizenReopensAResolvedPetitionButNotAnOpenOne() {
        CaseDecision d = CaseDecision.decide("p-1", with(PetitionStatus.RESOLVED), new CaseAction.Reopen("没修好"), NOW);
        assertThat(d).isInstanceOfSatisfying(CaseDecision.Taken.class, t -> {
            assertThat(t.event()).isInstanceOf(PetitionReopened.class);
            assertThat(t.after().unitCode()).as("back to the same unit").isEqualTo("U-ROADS");
            assertThat(t.after().status()).isNotEqualTo(PetitionStatus.RESOLVED);
        });
        assertThat(CaseDecision.decide("p-1", with(PetitionStatus.RESPONDED), new CaseAction.Reopen("?"), NOW))
                .isInstanceOf(CaseDecision.Refused.class);
    }
}
