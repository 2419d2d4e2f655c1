package io.wenzheng.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The answer to one unit command, on the sender's feed: accepted, or refused with the same problem a REST call would
 * have received. A command id seen before is not answered again.
 *
 * @param status the petition's status after an accepted command; null when refused
 */
public record CommandResult(
        String petitionId,
        String commandId,
        String command,
        Outcome outcome,
        @JsonInclude(JsonInclude.Include.NON_NULL) Refusal problem,
        @JsonInclude(JsonInclude.Include.NON_NULL) PetitionStatus status,
        Instant decidedAt) implements UnitFeedEvent {

    public enum Outcome { ACCEPTED, REFUSED }

    /** An RFC 7807 problem, as the REST API would have answered. */
    public record Refusal(String title, int status, String detail) {
    }
}
