package io.wenzheng.intake.importing;

import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.ImportedRecord;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.PetitionRated;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a historical petition went through, at the times they happened: the same events as a live petition's,
 * so that every service folds history the way it folds today.
 */
public final class ImportedHistory {
    private ImportedHistory() {
    }

    /** An event and the time it happened. */
    public record Step(PetitionEvent event, Instant at) {
    }

    /** The petition as intake stores it: its identity and the cleaned, redacted texts. */
    public record Identity(String petitionId, String trackingCode, String subject, String text, String citizenRef) {
    }

    public static List<Step> steps(ImportRecord record, Identity who, String jobId) {
        List<Step> steps = new ArrayList<>();
        ImportedRecord marker = new ImportedRecord(jobId, record.unitCode(), record.firstResponseAt(), record.resolvedAt());
        steps.add(new Step(new PetitionReceived(who.petitionId(), who.trackingCode(), record.channel(), who.subject(), who.text(), null,
                who.citizenRef(), record.receivedAt(), record.category(), List.of(), marker), record.receivedAt()));
        for (ImportRecord.Reply reply : record.replies()) {
            steps.add(new Step(new PetitionResponded(who.petitionId(), record.unitCode(), reply.text(), reply.at()), reply.at()));
        }
        if (record.resolvedAt() != null) {
            String summary = record.replies().isEmpty() ? "办结" : record.replies().get(record.replies().size() - 1).text();
            steps.add(new Step(new PetitionResolved(who.petitionId(), record.unitCode(), summary, record.resolvedAt()), record.resolvedAt()));
            if (record.rating() != null) {
                steps.add(new Step(new PetitionRated(who.petitionId(), record.rating(), null, record.resolvedAt()), record.resolvedAt()));
            }
        }
        return steps;
    }

    /** Where the steps leave the petition. */
    public static PetitionStatus status(List<Step> steps) {
        PetitionStatus status = PetitionStatus.RECEIVED;
        for (Step step : steps) {
            status = status.after(EventType.of(step.event()));
        }
        return status;
    }
}
