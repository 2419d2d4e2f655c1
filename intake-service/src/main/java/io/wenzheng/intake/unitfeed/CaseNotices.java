package io.wenzheng.intake.unitfeed;

import io.wenzheng.contracts.CaseChange;
import io.wenzheng.contracts.CaseUpdate;
import io.wenzheng.contracts.CitizenReplied;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineChased;
import io.wenzheng.contracts.DeadlineEscalated;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlinePaused;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.DeadlineWarning;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionAccepted;
import io.wenzheng.contracts.PetitionAwaitingCitizen;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.PetitionMerged;
import io.wenzheng.contracts.PetitionProgressReported;
import io.wenzheng.contracts.PetitionRated;
import io.wenzheng.contracts.PetitionRejected;
import io.wenzheng.contracts.PetitionReopened;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionReturned;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.PetitionTransferred;
import io.wenzheng.intake.citizen.PiiRedaction;
import java.time.Instant;
import java.util.List;

/**
 * Which units hear of a petition's event, and as what change. Every event of a petition that a unit holds reaches
 * that unit; a transfer also tells the unit it left, and a hand-back the unit that handed it back. Events before
 * any unit holds the petition (received, triage) reach nobody. Pure.
 */
public final class CaseNotices {
    private CaseNotices() {
    }

    /** One unit to tell, and what to tell it; the case file is added by the adapter. */
    public record Notice(String unitCode, CaseChange change, boolean withUnit, String note) {
        public CaseUpdate update(String petitionId, String eventType, String eventId, Instant at, CaseUpdate.CaseFile file) {
            return new CaseUpdate(petitionId, change, unitCode, withUnit, new CaseUpdate.Cause(eventType, eventId, at), note, file);
        }
    }

    /**
     * @param unitBefore the unit that held the petition before the event, or null
     * @param unitAfter  the unit that holds it after the event, or null
     */
    public static List<Notice> of(String unitBefore, String unitAfter, PetitionEvent event) {
        if (event instanceof PetitionTransferred t) {
            String from = t.fromUnitCode() != null ? t.fromUnitCode() : unitBefore;
            Notice in = new Notice(t.toUnitCode(), CaseChange.TRANSFERRED_IN, true, redacted(t.reason()));
            return from == null || from.equals(t.toUnitCode()) ? List.of(in)
                    : List.of(new Notice(from, CaseChange.TRANSFERRED_AWAY, false, redacted(t.reason())), in);
        }
        if (event instanceof PetitionReturned r) {
            return List.of(new Notice(r.unitCode(), CaseChange.RETURNED, false, redacted(r.reason())));
        }
        if (event instanceof PetitionRouted routed) {
            return List.of(new Notice(routed.unitCode(), CaseChange.ROUTED, true, null));
        }
        String unit = unitAfter != null ? unitAfter : unitBefore;
        if (unit == null) {
            return List.of();
        }
        Change change = change(event);
        return change == null ? List.of() : List.of(new Notice(unit, change.change(), unit.equals(unitAfter), redacted(change.note())));
    }

    private record Change(CaseChange change, String note) {
    }

    private static Change change(PetitionEvent event) {
        if (event instanceof PetitionAccepted) {
            return new Change(CaseChange.SIGNED_FOR, null);
        } else if (event instanceof PetitionResponded r) {
            return new Change(CaseChange.RESPONDED, r.message());
        } else if (event instanceof PetitionProgressReported p) {
            return new Change(CaseChange.PROGRESS_REPORTED, p.message());
        } else if (event instanceof PetitionAwaitingCitizen a) {
            return new Change(CaseChange.AWAITING_CITIZEN, a.question());
        } else if (event instanceof CitizenReplied c) {
            return new Change(CaseChange.CITIZEN_REPLIED, c.message());
        } else if (event instanceof PetitionResolved r) {
            return new Change(CaseChange.RESOLVED, r.summary());
        } else if (event instanceof PetitionRated r) {
            return new Change(CaseChange.RATED, r.comment() == null ? "rating " + r.rating() : "rating " + r.rating() + ": " + r.comment());
        } else if (event instanceof PetitionReopened r) {
            return new Change(CaseChange.REOPENED, r.reason());
        } else if (event instanceof PetitionMerged m) {
            return new Change(CaseChange.MERGED, m.note());
        } else if (event instanceof PetitionRejected r) {
            return new Change(CaseChange.REJECTED, r.note() == null ? r.reason().name() : r.reason() + ": " + r.note());
        } else if (event instanceof DeadlineSet d) {
            return new Change(d.previousDueAt() == null ? CaseChange.DEADLINE_SET : CaseChange.DEADLINE_MOVED, null);
        } else if (event instanceof DeadlineWarning) {
            return new Change(CaseChange.WARNING, null);
        } else if (event instanceof DeadlineBreached) {
            return new Change(CaseChange.BREACHED, null);
        } else if (event instanceof DeadlineEscalated e) {
            return new Change(CaseChange.ESCALATED, e.note());
        } else if (event instanceof DeadlineChased c) {
            return new Change(CaseChange.CHASED, c.note());
        } else if (event instanceof DeadlineMet) {
            return new Change(CaseChange.CLOCK_MET, null);
        } else if (event instanceof DeadlinePaused) {
            return new Change(CaseChange.CLOCK_PAUSED, null);
        }
        return null;
    }

    /** The clock an SLA event leaves behind, or null when the event is not about a clock's due time or state. */
    public static CaseUpdate.Clock clockAfter(PetitionEvent event, CaseUpdate.Clock before) {
        if (event instanceof DeadlineSet d) {
            return new CaseUpdate.Clock(d.pledge(), d.dueAt(), d.timeBasis(), d.calendar(), CaseUpdate.ClockState.RUNNING);
        }
        CaseUpdate.ClockState state = event instanceof DeadlineBreached ? CaseUpdate.ClockState.BREACHED
                : event instanceof DeadlineMet ? CaseUpdate.ClockState.MET
                : event instanceof DeadlinePaused ? CaseUpdate.ClockState.PAUSED : null;
        return state == null || before == null ? null
                : new CaseUpdate.Clock(before.pledge(), before.dueAt(), before.timeBasis(), before.calendar(), state);
    }

    /** The pledge an SLA event is about, or null. */
    public static io.wenzheng.contracts.Pledge pledgeOf(PetitionEvent event) {
        if (event instanceof DeadlineSet d) {
            return d.pledge();
        } else if (event instanceof DeadlineBreached b) {
            return b.pledge();
        } else if (event instanceof DeadlineMet m) {
            return m.pledge();
        } else if (event instanceof DeadlinePaused p) {
            return p.pledge();
        }
        return null;
    }

    private static String redacted(String note) {
        return note == null || note.isBlank() ? null : PiiRedaction.redact(note.strip());
    }

    /** The event type's name for a cause, e.g. {@code wenzheng.petition.routed.v1}. */
    public static String type(PetitionEvent event) {
        return EventType.of(event).type();
    }
}
