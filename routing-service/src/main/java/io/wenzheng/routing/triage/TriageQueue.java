package io.wenzheng.routing.triage;

import io.wenzheng.kit.sql.MultiRowStatement;
import java.util.Arrays;
import java.util.List;

/** A batch's new operator queue entries in one statement; a petition already queued keeps its entry and its history. */
public final class TriageQueue {
    public static final MultiRowStatement INSERT = new MultiRowStatement(
            "insert into triage_case (petition_id, tracking_code, subject, body, address, suggested_category, suggested_subcategory, "
                    + "confidence, reason, why, evidence, status, created_at, supervisor) values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            " on conflict (petition_id) do nothing");

    private TriageQueue() {
    }

    public static List<Object> values(TriageCase c) {
        return Arrays.asList(c.petitionId, c.trackingCode, c.subject, c.body, c.address, c.suggestedCategory, c.suggestedSubcategory,
                c.confidence, c.reason, c.why, c.evidence, c.status.name(), c.createdAt, c.supervisor);
    }
}
