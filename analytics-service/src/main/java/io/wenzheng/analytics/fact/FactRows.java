package io.wenzheng.analytics.fact;

import io.wenzheng.kit.sql.MultiRowStatement;
import java.util.Arrays;
import java.util.List;

/** A batch's folded facts written in one statement; the rows exist already (the projector makes them before it locks). */
final class FactRows {
    static final MultiRowStatement UPSERT = new MultiRowStatement(
            "insert into petition_fact (petition_id, tracking_code, title, unit_name, channel, category, unit_code, district_code, "
                    + "status, received_at, first_response_due, sla_state, first_responded_at, resolved_at, hand_backs, reopens, rating, "
                    + "escalation_level, updated_at) values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            " on conflict (petition_id) do update set tracking_code = excluded.tracking_code, title = excluded.title, "
                    + "unit_name = excluded.unit_name, channel = excluded.channel, category = excluded.category, "
                    + "unit_code = excluded.unit_code, district_code = excluded.district_code, status = excluded.status, "
                    + "received_at = excluded.received_at, first_response_due = excluded.first_response_due, "
                    + "sla_state = excluded.sla_state, first_responded_at = excluded.first_responded_at, "
                    + "resolved_at = excluded.resolved_at, hand_backs = excluded.hand_backs, reopens = excluded.reopens, "
                    + "rating = excluded.rating, escalation_level = excluded.escalation_level, updated_at = excluded.updated_at");

    private FactRows() {
    }

    static List<Object> values(PetitionFact f) {
        return Arrays.asList(f.petitionId, f.trackingCode, f.title, f.unitName, name(f.channel), f.category, f.unitCode,
                f.districtCode, name(f.status), f.receivedAt, f.firstResponseDue, name(f.slaState), f.firstRespondedAt,
                f.resolvedAt, f.handBacks, f.reopens, f.rating, f.escalationLevel, f.updatedAt);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
