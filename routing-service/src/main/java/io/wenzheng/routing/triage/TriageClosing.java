package io.wenzheng.routing.triage;

import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.PetitionMerged;
import io.wenzheng.contracts.PetitionRejected;
import java.time.Instant;

/**
 * Ending a triage case without routing it, as a pure decision: rejected as spam or invalid, or merged into the earlier
 * petition it repeats. The petition ends there; the event tells the other services to stop its clocks.
 */
public sealed interface TriageClosing {

    /** Someone decided the case already. */
    record AlreadyDecided(TriageCase.Status status, Instant decidedAt) implements TriageClosing {
    }

    /** The request cannot be carried out as given; {@code field} names what to change. */
    record Refused(String field, String detail) implements TriageClosing {
    }

    /** The case ends: its new status, the reason the routing record gives, and the event to announce. */
    record Closed(TriageCase.Status status, String recordedReason, PetitionEvent event) implements TriageClosing {
    }

    /** Where the case stands when the operator acts. */
    record Case(String petitionId, TriageCase.Status status, Instant decidedAt) {
    }

    static TriageClosing reject(Case triage, PetitionRejected.RejectionReason reason, String note, Instant now) {
        if (triage.status() != TriageCase.Status.OPEN) {
            return new AlreadyDecided(triage.status(), triage.decidedAt());
        }
        String cleaned = blankToNull(note);
        return new Closed(TriageCase.Status.REJECTED, "rejected: " + reason + (cleaned == null ? "" : ", " + cleaned),
                new PetitionRejected(triage.petitionId(), reason, cleaned, now));
    }

    /** @param originalKnown whether routing has the petition this one repeats */
    static TriageClosing merge(Case triage, String originalId, boolean originalKnown, String note, Instant now) {
        if (originalId.equals(triage.petitionId())) {
            return new Refused("originalId", "a petition cannot be merged into itself");
        }
        if (!originalKnown) {
            return new Refused("originalId", "routing has no petition " + originalId);
        }
        if (triage.status() != TriageCase.Status.OPEN) {
            return new AlreadyDecided(triage.status(), triage.decidedAt());
        }
        return new Closed(TriageCase.Status.MERGED, "merged into " + originalId,
                new PetitionMerged(triage.petitionId(), originalId, blankToNull(note), now));
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
