package io.wenzheng.sla.timer;

import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.sql.MultiRowStatement;
import java.util.Arrays;
import java.util.List;

/**
 * Decided clocks written as {@code deadline_timer} rows in one statement per batch: new clocks inserted, changed ones
 * updated. The supervisors' chases are theirs, so an update leaves them as they are.
 */
final class TimerRows {
    private static final MultiRowStatement UPSERT = new MultiRowStatement(
            "insert into deadline_timer (id, petition_id, pledge, time_basis, unit_code, tracking_code, title, supervising_units, "
                    + "started_at, due_at, state, settled_at, warned, escalation_level, next_fire_at, category, region, district_code, "
                    + "paused_at, calendar) values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            " on conflict (id) do update set time_basis = excluded.time_basis, unit_code = excluded.unit_code, "
                    + "tracking_code = excluded.tracking_code, title = excluded.title, supervising_units = excluded.supervising_units, "
                    + "started_at = excluded.started_at, due_at = excluded.due_at, state = excluded.state, settled_at = excluded.settled_at, "
                    + "warned = excluded.warned, escalation_level = excluded.escalation_level, next_fire_at = excluded.next_fire_at, "
                    + "category = excluded.category, region = excluded.region, district_code = excluded.district_code, "
                    + "paused_at = excluded.paused_at, calendar = excluded.calendar");

    private TimerRows() {
    }

    static Uni<Void> upsert(List<PledgeClock> clocks) {
        return UPSERT.execute(clocks.stream().map(TimerRows::values).toList()).replaceWithVoid();
    }

    private static List<Object> values(PledgeClock c) {
        return Arrays.asList(DeadlineTimer.idOf(c.petitionId(), c.pledge()), c.petitionId(), c.pledge().name(), c.timeBasis().name(),
                c.assignment().unitCode(), c.label().trackingCode(), c.label().title(), c.assignment().supervisingUnits(),
                c.startedAt(), c.dueAt(), c.state().name(), c.settledAt(), c.warned(), c.escalationLevel(),
                c.nextFireAt(), c.assignment().category(), c.assignment().region(), c.assignment().districtCode(),
                c.pausedAt(), c.calendar().name());
    }
}
