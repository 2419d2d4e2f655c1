package io.wenzheng.intake.petition;

import io.wenzheng.contracts.PetitionStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.TimeBasis;
import java.time.Instant;
import java.util.List;

/** A petition as staff see it: where it stands, who has it, when the pledge expires, and everything that happened. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PetitionView(
        String id,
        String trackingCode,
        Channel channel,
        String subject,
        /** What people call it: the subject, or the first words of the text ({@link io.wenzheng.contracts.PetitionTitle}). */
        String title,
        String text,
        PetitionStatus status,
        String category,
        Unit unit,
        Deadline deadline,
        Instant receivedAt,
        String possibleDuplicateOf,
        /** Units above the responsible one that may see this petition, as the directory said when it was routed. */
        List<String> supervisingUnits,
        /** Pictures the citizen sent, as URLs. */
        List<String> attachments,
        List<Event> history,
        /** Replies the citizen never received: the platform kept refusing them. The unit may send them again. */
        List<UndeliveredReply> undeliveredReplies) {

    public record Unit(String code, String name) {
    }

    public record UndeliveredReply(Channel channel, int attempts, String lastError, Instant queuedAt) {
    }

    public record Deadline(Instant dueAt, TimeBasis timeBasis, boolean overdue) {
    }

    public record Event(String id, String type, String source, Instant occurredAt, @JsonRawValue String data) {
    }

    static PetitionView of(PetitionRow p, List<HistoryRow> history, List<UndeliveredReply> undelivered) {
        return new PetitionView(p.id, p.trackingCode, p.channel, p.subject, io.wenzheng.contracts.PetitionTitle.of(p.subject, p.text), p.text, p.status, p.category,
                p.unitCode == null ? null : new Unit(p.unitCode, p.unitName),
                p.firstResponseDue == null ? null : new Deadline(p.firstResponseDue, p.timeBasis, p.overdue),
                p.receivedAt, p.possibleDuplicateOf, io.wenzheng.kit.security.Sight.decode(p.supervisingUnits), p.attachmentList(),
                history.stream().map(h -> new Event(h.eventId, h.eventType, h.source, h.occurredAt, h.data)).toList(),
                undelivered.isEmpty() ? null : undelivered);
    }
}
