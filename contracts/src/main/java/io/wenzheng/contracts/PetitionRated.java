package io.wenzheng.contracts;

import java.time.Instant;

/** The citizen rated the answer (满意度评价), from 1 (very unsatisfied) to 5 (very satisfied). Closes the petition. */
public record PetitionRated(
        String petitionId,
        int rating,
        String comment,
        Instant ratedAt) implements PetitionEvent {

    /** Ratings of 4 and 5 count as satisfied in the city's satisfaction rate. */
    public boolean satisfied() {
        return rating >= 4;
    }
}
