package io.wenzheng.contracts;


/** Where a petition stands in its lifecycle, as intake shows it to staff and citizens. */
public enum PetitionStatus {
    RECEIVED, TRIAGE, ROUTED, ACCEPTED, RESPONDED, IN_PROGRESS, RESOLVED, CLOSED;

    /**
     * The status after an event. Events can arrive late or out of order across topics, so a status never moves
     * backwards: a routed event that arrives after the response does not undo it.
     */
    public PetitionStatus after(EventType event) {
        PetitionStatus target = switch (event) {
            case PETITION_RECEIVED -> RECEIVED;
            case PETITION_TRIAGE_REQUIRED -> TRIAGE;
            case PETITION_ROUTED -> ROUTED;
            case PETITION_RESPONDED -> RESPONDED;
            case PETITION_RESOLVED -> RESOLVED;
            default -> this;
        };
        return target.ordinal() > ordinal() ? target : this;
    }
}
