package io.wenzheng.intake.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.PetitionStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CaseActionTest {

    private static Set<PetitionStatus> allowed(CaseAction action) {
        return Arrays.stream(PetitionStatus.values()).filter(action::allowedIn)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PetitionStatus.class)));
    }

    @Test
    void eachStepIsAllowedOnlyWhereTheLifecycleSaysSo() {
        // RECEIVED, TRIAGE and RETURNED have no unit, so the unit check refuses them before the status does.
        assertThat(allowed(new CaseAction.HandBack("A3", "r"))).doesNotContain(PetitionStatus.RESPONDED, PetitionStatus.IN_PROGRESS,
                PetitionStatus.RESOLVED).contains(PetitionStatus.ROUTED, PetitionStatus.TRANSFERRED, PetitionStatus.ACCEPTED);
        assertThat(allowed(new CaseAction.Respond("A3", "m"))).as("signed for first (签收), then answered once")
                .containsExactly(PetitionStatus.ACCEPTED);
        assertThat(allowed(new CaseAction.ReportProgress("A3", "m")))
                .containsExactlyInAnyOrder(PetitionStatus.RESPONDED, PetitionStatus.IN_PROGRESS, PetitionStatus.AWAITING_CITIZEN);
        assertThat(allowed(new CaseAction.AskCitizen("A3", "q")))
                .containsExactlyInAnyOrder(PetitionStatus.RESPONDED, PetitionStatus.IN_PROGRESS);
        assertThat(allowed(new CaseAction.CitizenAnswer("a"))).containsExactly(PetitionStatus.AWAITING_CITIZEN);
        assertThat(allowed(new CaseAction.Resolve("A3", "s"))).containsExactlyInAnyOrder(PetitionStatus.ACCEPTED, PetitionStatus.RESPONDED,
                PetitionStatus.IN_PROGRESS, PetitionStatus.AWAITING_CITIZEN);
    }

    @Test
    void theCitizenActsWithoutAUnitAndUnitsActInTheirOwnName() {
        assertThat(new CaseAction.CitizenAnswer("a").unitCode()).isNull();
        assertThat(new CaseAction.Resolve("A3", "s").event("01JDQ8Z6X0ABCDEFGHJKMNPQRS", java.time.Instant.EPOCH))
                .isEqualTo(new io.wenzheng.contracts.PetitionResolved("01JDQ8Z6X0ABCDEFGHJKMNPQRS", "A3", "s", java.time.Instant.EPOCH));
    }
}
