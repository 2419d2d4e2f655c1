package io.wenzheng.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One change to a petition, told to a unit with the whole case as it stands after the change, so that the unit's
 * system can act without calling back. Never contact data: the audited reveal stays the only way to it.
 *
 * @param unitCode  the unit this update is for
 * @param withUnit  whether the petition is this unit's after the change (false once transferred away or handed back)
 * @param cause     the lifecycle or SLA event behind the change
 * @param note      what came with the change for people to read (a reason, the citizen's reply, a chase note), redacted
 */
public record CaseUpdate(
        String petitionId,
        CaseChange change,
        String unitCode,
        boolean withUnit,
        Cause cause,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note,
        CaseFile petition) implements UnitFeedEvent {

    public record Cause(String type, String id, Instant time) {
    }

    /** The petition as the unit may see it. */
    public record CaseFile(
            String trackingCode,
            Channel channel,
            String subject,
            String text,
            Instant receivedAt,
            PetitionStatus status,
            String category,
            String subcategory,
            Place place,
            String unitCode,
            String unitName,
            List<String> supervisingUnits,
            List<String> attachments,
            List<Clock> clocks) {
        public CaseFile {
            supervisingUnits = supervisingUnits == null ? List.of() : List.copyOf(supervisingUnits);
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
            clocks = clocks == null ? List.of() : List.copyOf(clocks);
        }
    }

    /** Where the matter is: the address the citizen gave and the district routing placed it in. */
    public record Place(String address, Double latitude, Double longitude, String districtCode) {
    }

    /** One pledge clock. */
    public record Clock(Pledge pledge, Instant dueAt, TimeBasis timeBasis, CalendarStatus calendar, ClockState state) {
    }

    public enum ClockState { RUNNING, PAUSED, MET, BREACHED }
}
