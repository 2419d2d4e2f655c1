package io.wenzheng.routing.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.PetitionMerged;
import io.wenzheng.contracts.PetitionRejected;
import io.wenzheng.contracts.PetitionRejected.RejectionReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rejecting or merging a triage case without a database. */
class TriageClosingTest {
    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-12-05T01:00:00Z");
    private static final TriageClosing.Case OPEN = new TriageClosing.Case("p-2", TriageCase.Status.OPEN, null);
    private static final TriageClosing.Case MERGED = new TriageClosing.Case("p-2", TriageCase.Status.MERGED, EARLIER);

    @Test
    void aRejectionEndsTheCaseWithItsReasonAndNote() {
        var reason = RejectionReason.values()[0];
        assertThat(TriageClosing.reject(OPEN, reason, "  广告  ", NOW)).isEqualTo(new TriageClosing.Closed(TriageCase.Status.REJECTED,
                "rejected: " + reason + ", 广告", new PetitionRejected("p-2", reason, "广告", NOW)));
        assertThat(TriageClosing.reject(OPEN, reason, " ", NOW)).isInstanceOfSatisfying(TriageClosing.Closed.class, closed -> {
            assertThat(closed.recordedReason()).isEqualTo("rejected: " + reason);
            assertThat(((PetitionRejected) closed.event()).note()).isNull();
        });
    }

    @Test
    void aMergeEndsTheCaseInFavourOfTheEarlierPetition() {
        assertThat(TriageClosing.merge(OPEN, "p-1", true, null, NOW)).isEqualTo(new TriageClosing.Closed(TriageCase.Status.MERGED,
                "merged into p-1", new PetitionMerged("p-2", "p-1", null, NOW)));
    }

    @Test
    void aMergeIntoItselfOrIntoAPetitionRoutingNeverSawIsRefusedNamingTheField() {
        assertThat(TriageClosing.merge(OPEN, "p-2", true, null, NOW))
                .isEqualTo(new TriageClosing.Refused("originalId", "a petition cannot be merged into itself"));
        assertThat(TriageClosing.merge(OPEN, "p-9", false, null, NOW))
                .isEqualTo(new TriageClosing.Refused("originalId", "routing has no petition p-9"));
    }

    @Test
    void aCaseSomeoneDecidedAlreadyCannotBeClosedAgain() {
        assertThat(TriageClosing.reject(MERGED, RejectionReason.values()[0], null, NOW))
                .isEqualTo(new TriageClosing.AlreadyDecided(TriageCase.Status.MERGED, EARLIER));
        assertThat(TriageClosing.merge(MERGED, "p-1", true, null, NOW))
                .isEqualTo(new TriageClosing.AlreadyDecided(TriageCase.Status.MERGED, EARLIER));
    }
}
