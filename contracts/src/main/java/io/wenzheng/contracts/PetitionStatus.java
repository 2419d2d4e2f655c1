package io.wenzheng.contracts;

/** Where a petition stands in its lifecycle, as intake shows it to staff and citizens. */
public enum PetitionStatus {
    RECEIVED, TRIAGE, RETURNED, TRANSFERRED, ROUTED, ACCEPTED, RESPONDED, IN_PROGRESS, AWAITING_CITIZEN, RESOLVED, CLOSED,
    /** Ends: a repeat of an earlier petition, handled as part of it. */
    MERGED,
    /** Ends: spam or invalid, refused with a reason. */
    REJECTED;

    /**
     * The status after an event. The main path only moves forward, so a late or redelivered event cannot undo a later
     * step. The side paths before a unit has acted (handed back, transferred, re-routed, sent to triage) may move
     * between each other, because a petition can bounce among them; once a unit has responded they change nothing.
     */
    /** Still someone's work: not resolved, closed, merged or rejected. */
    public boolean open() {
        return this != RESOLVED && this != CLOSED && this != MERGED && this != REJECTED;
    }

    public PetitionStatus after(EventType event) {
        PetitionStatus target = switch (event) {
            case PETITION_RECEIVED -> RECEIVED;
            case PETITION_TRIAGE_REQUIRED -> TRIAGE;
            case PETITION_RETURNED -> RETURNED;
            case PETITION_TRANSFERRED -> TRANSFERRED;
            case PETITION_ROUTED -> ROUTED;
            case PETITION_ACCEPTED -> ACCEPTED;
            case PETITION_RESPONDED -> RESPONDED;
            case PETITION_MERGED -> MERGED;
            case PETITION_REJECTED -> REJECTED;
            case PETITION_PROGRESS_REPORTED -> IN_PROGRESS;
            case PETITION_AWAITING_CITIZEN -> AWAITING_CITIZEN;
            case PETITION_RESOLVED -> RESOLVED;
            case PETITION_RATED -> CLOSED;
            default -> this;
        };
        if (this == AWAITING_CITIZEN && event == EventType.PETITION_CITIZEN_REPLIED) {
            return IN_PROGRESS; // a step back: only the citizen's answer ends the wait
        }
        if ((this == RESOLVED || this == CLOSED) && event == EventType.PETITION_REOPENED) {
            return IN_PROGRESS; // the other: an unsatisfied citizen sends the case back to its unit
        }
        boolean bouncing = target.ordinal() <= ROUTED.ordinal() && target != RECEIVED && ordinal() <= ROUTED.ordinal();
        return bouncing || target.ordinal() > ordinal() ? target : this;
    }
}
