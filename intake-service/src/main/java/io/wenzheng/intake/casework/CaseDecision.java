package io.wenzheng.intake.casework;

import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.PetitionStatus;
import java.time.Instant;

/**
 * Whether an action may be taken on a petition as it stands, and what the petition becomes: pure, so every rule of
 * casework is tested without a database.
 */
public sealed interface CaseDecision {

    /** What casework knows of a petition: its status and who holds it. */
    record CaseState(PetitionStatus status, String unitCode, String unitName, String supervisingUnits) {
    }

    /** The action is refused; nothing changes. {@code status} is the HTTP status a caller answers with. */
    record Refused(int status, String title, String detail) implements CaseDecision {
    }

    /** The action is taken: the petition's new state, and the event that tells everyone. */
    record Taken(CaseState after, PetitionEvent event) implements CaseDecision {
    }

    static CaseDecision decide(String petitionId, CaseState state, CaseAction action, Instant now) {
        if (action.unitCode() != null && !action.unitCode().equals(state.unitCode())) {
            return new Refused(409, "Not with this unit", "petition " + petitionId + " is with "
                    + (state.unitCode() == null ? "no unit" : state.unitCode()) + ", not " + action.unitCode());
        }
        if (!action.allowedIn(state.status())) {
            return new Refused(409, "Not now", "petition " + petitionId + " is " + state.status() + "; cannot " + action.verb());
        }
        PetitionEvent event = action.event(petitionId, now);
        PetitionStatus status = state.status().after(EventType.of(event));
        // A hand-back leaves the petition with nobody until routing names a unit again.
        CaseState after = action instanceof CaseAction.HandBack
                ? new CaseState(status, null, null, null)
                : new CaseState(status, state.unitCode(), state.unitName(), state.supervisingUnits());
        return new Taken(after, event);
    }
}
