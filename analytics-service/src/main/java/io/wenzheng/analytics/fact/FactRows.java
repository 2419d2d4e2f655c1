package io.wenzheng.analytics.fact;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.PetitionStatus;
import io.wenzheng.kit.sql.MultiRowStatement;
import io.wenzheng.kit.sql.Timestamptz;
import io.wenzheng.kit.sql.RowsById;
import java.util.Arrays;
import java.util.List;

/**
 * A batch's facts read and written by statement: locked in one select, written in one statement once folded (the rows
 * exist already: the projector makes them before it locks).
 */
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

    /** The columns of a fact, in the order of {@link #values} and {@link #fact}. */
    private static final String COLUMNS = "petition_id, tracking_code, title, unit_name, channel, category, unit_code, district_code, "
            + "status, received_at, first_response_due, sla_state, first_responded_at, resolved_at, hand_backs, reopens, rating, "
            + "escalation_level, updated_at";

    private FactRows() {
    }

    /**
     * The facts of these petitions, locked in one order (the lifecycle and SLA channels fold into the same rows
     * concurrently). Plain rows, made into facts to fold; no session tracks them.
     */
    static Uni<List<PetitionFact>> lock(List<String> petitionIds) {
        return RowsById.select("select " + COLUMNS + " from petition_fact where petition_id = any($1) "
                + "order by petition_id for update", petitionIds, FactRows::fact);
    }

    static PetitionFact fact(Object[] c) {
        PetitionFact f = new PetitionFact();
        f.petitionId = (String) c[0];
        f.trackingCode = (String) c[1];
        f.title = (String) c[2];
        f.unitName = (String) c[3];
        f.channel = c[4] == null ? null : Channel.valueOf((String) c[4]);
        f.category = (String) c[5];
        f.unitCode = (String) c[6];
        f.districtCode = (String) c[7];
        f.status = PetitionStatus.valueOf((String) c[8]);
        f.receivedAt = Timestamptz.instant(c[9]);
        f.firstResponseDue = Timestamptz.instant(c[10]);
        f.slaState = c[11] == null ? null : SlaState.valueOf((String) c[11]);
        f.firstRespondedAt = Timestamptz.instant(c[12]);
        f.resolvedAt = Timestamptz.instant(c[13]);
        f.handBacks = ((Number) c[14]).intValue();
        f.reopens = ((Number) c[15]).intValue();
        f.rating = c[16] == null ? null : ((Number) c[16]).intValue();
        f.escalationLevel = ((Number) c[17]).intValue();
        f.updatedAt = Timestamptz.instant(c[18]);
        return f;
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
