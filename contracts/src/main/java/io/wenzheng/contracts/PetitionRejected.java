package io.wenzheng.contracts;

import java.time.Instant;

/** An operator refused the petition as spam or invalid. It ends here: no unit, no deadlines. */
public record PetitionRejected(
        String petitionId,
        RejectionReason reason,
        String note,
        Instant rejectedAt) implements PetitionEvent {

    public enum RejectionReason {
        /** Advertising, bulk or machine-made messages. */
        SPAM,
        /** Nothing a government unit could act on: empty, unreadable, a test. */
        INVALID,
        /** Insults or threats with no request in them. */
        ABUSIVE,
        /** A matter for a court, a company or another jurisdiction, not for the city. */
        OUT_OF_SCOPE
    }
}
