package io.wenzheng.sla.pledge;

import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.ImportedRecord;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.Pledge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pledges of a petition taken over from an earlier system, judged from its recorded times: the deadline it had,
 * and whether the unit kept it. Nothing runs, nobody is chased or escalated for history; the verdicts are facts for
 * the figures. A pledge the record leaves open (no answer yet) is not judged here: its clock runs as a live one.
 */
public final class HistoricalPledges {
    private HistoricalPledges() {
    }

    /** An event and the time it happened. */
    public record Step(PetitionEvent event, Instant at) {
    }

    /** The pledges the record settles; the others must be started as live clocks. */
    public static List<Pledge> settled(ImportedRecord record) {
        List<Pledge> settled = new ArrayList<>();
        if (record.firstResponseAt() != null) {
            settled.add(Pledge.FIRST_RESPONSE);
        }
        if (record.closed()) {
            settled.add(Pledge.RESOLUTION);
            settled.add(Pledge.PROGRESS);
        }
        return settled;
    }

    public static List<Step> verdicts(String petitionId, Instant receivedAt, ImportedRecord record, PetitionDeadlines deadlines) {
        List<Step> steps = new ArrayList<>();
        if (record.firstResponseAt() != null) {
            PetitionDeadlines.FirstResponse first = deadlines.firstResponse(receivedAt);
            judge(steps, petitionId, Pledge.FIRST_RESPONSE, first.basis(), receivedAt, first.dueAt(), record.firstResponseAt(), record.unitCode(),
                    deadlines);
        }
        if (record.closed()) {
            PetitionDeadlines.FirstResponse first = deadlines.firstResponse(receivedAt);
            judge(steps, petitionId, Pledge.RESOLUTION, first.basis(), receivedAt, deadlines.resolutionDue(receivedAt), record.resolvedAt(),
                    record.unitCode(), deadlines);
        }
        return steps;
    }

    private static void judge(List<Step> steps, String petitionId, Pledge pledge, io.wenzheng.contracts.TimeBasis basis, Instant startedAt,
                              Instant dueAt, Instant actedAt, String unitCode, PetitionDeadlines deadlines) {
        steps.add(new Step(new DeadlineSet(petitionId, pledge, basis, startedAt, dueAt, deadlines.calendarBetween(startedAt, dueAt)), startedAt));
        if (!actedAt.isAfter(dueAt)) {
            long elapsed = Math.max(0, Duration.between(startedAt, actedAt).toSeconds());
            steps.add(new Step(new DeadlineMet(petitionId, pledge, unitCode, dueAt, actedAt, elapsed), actedAt));
        } else {
            steps.add(new Step(new DeadlineBreached(petitionId, pledge, unitCode, dueAt, dueAt, false), dueAt));
        }
    }
}
