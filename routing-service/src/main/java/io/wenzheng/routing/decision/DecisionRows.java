package io.wenzheng.routing.decision;

import io.wenzheng.kit.sql.MultiRowStatement;
import java.util.Arrays;
import java.util.List;

/** A batch's routing decisions written in one statement: a petition routed again keeps one row, its latest. */
final class DecisionRows {
    static final MultiRowStatement UPSERT = new MultiRowStatement(
            "insert into routing_decision (petition_id, tracking_code, outcome, category, unit_code, supervising_units, confidence, "
                    + "reason, decided_at, subject, body, address, latitude, longitude, category_hint) values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            " on conflict (petition_id) do update set tracking_code = excluded.tracking_code, outcome = excluded.outcome, "
                    + "category = excluded.category, unit_code = excluded.unit_code, supervising_units = excluded.supervising_units, "
                    + "confidence = excluded.confidence, reason = excluded.reason, decided_at = excluded.decided_at, "
                    + "subject = excluded.subject, body = excluded.body, address = excluded.address, latitude = excluded.latitude, "
                    + "longitude = excluded.longitude, category_hint = excluded.category_hint");

    private DecisionRows() {
    }

    static List<Object> values(DecisionRow r) {
        return Arrays.asList(r.petitionId, r.trackingCode, r.outcome, r.category, r.unitCode, r.supervisingUnits, r.confidence,
                r.reason, r.decidedAt, r.subject, r.body, r.address, r.latitude, r.longitude, r.categoryHint);
    }
}
