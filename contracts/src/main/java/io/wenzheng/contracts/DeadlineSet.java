package io.wenzheng.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The SLA service started a pledge timer for a petition, or moved its due time.
 *
 * @param calendar whether the due time rests on published holiday notices only, or on a provisional year (optional:
 *                 absent in events written before it existed)
 * @param previousDueAt when the timer was moved rather than started: the due time it had before (optional)
 * @param reason why it moved (optional), for example {@code CALENDAR_NOTICE} when a holiday notice was loaded
 */
public record DeadlineSet(
        String petitionId,
        Pledge pledge,
        TimeBasis timeBasis,
        Instant startedAt,
        Instant dueAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) CalendarStatus calendar,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant previousDueAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) implements PetitionEvent {

    /** Why a due time moved: the holiday notice of a year it touches was loaded, replacing the provisional year. */
    public static final String CALENDAR_NOTICE = "CALENDAR_NOTICE";

    public DeadlineSet(String petitionId, Pledge pledge, TimeBasis timeBasis, Instant startedAt, Instant dueAt,
                       CalendarStatus calendar) {
        this(petitionId, pledge, timeBasis, startedAt, dueAt, calendar, null, null);
    }
}
