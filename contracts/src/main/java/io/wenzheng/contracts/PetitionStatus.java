package io.wenzheng.contracts;

/** Where a petition stands in its lifecycle, as intake shows it to staff and citizens. */
public enum PetitionStatus {
    RECEIVED, TRIAGE, RETURNED, TRANSFERRED, ROUTED, ACCEPTED, RESPONDED, IN_PROGRESS, RESOLVED, CLOSED;

    /**
     * The status after an event. The main path only moves forward, so a late or redelivered event cannot undo a later
     * step. The side paths before a unit has acted (handed back, transferred, re-routed, sent to triage) may move
     * between each other, because a petition can bounce among them; once a unit has responded they change nothing.
     */
    public PetitionStatus after(EventType event) {
        PetitionStatus target = switch (event) {
            case PETITION_RECEIVED -> RECEIVED;
            case PETITION_TRIAGE_REQUIRED -> TRIAGE;
            case PETITION_RETURNED -> RETURNED;
            case PETITION_TRANSFERRED -> TRANSFERRED;
            case PETITION_ROUTED -> ROUTED;
            case PETITION_RESPONDED -> RESPONDED;
            case PETITION_RESOLVED -> RESOLVED;
            default -> this;
        };
        boolean bouncing = target.ordinal() <= ROUTED.ordinal() && target != RECEIVED && ordinal() <= ROUTED.ordinal();
        return bouncing || target.ordinal() > ordinal() ? target : this;
    }
}
