package io.wenzheng.sla.timer;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.CalendarStatus;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.kit.sql.MultiRowStatement;
import io.wenzheng.kit.sql.RowsById;
import io.wenzheng.kit.sql.Timestamptz;
import io.wenzheng.kit.sql.TransactionConnection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Clocks as {@code deadline_timer} rows, read and written by statement: a batch's clocks locked in one select, decided
 * clocks written in one statement per batch (new ones inserted, changed ones updated). The supervisors' chases are
 * theirs, so an update leaves them as they are.
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

    /** The columns a clock is made of, in the order {@link #clock} reads them. */
    private static final String CLOCK_COLUMNS = "petition_id, pledge, tracking_code, title, unit_code, district_code, supervising_units, "
            + "category, region, time_basis, started_at, due_at, state, settled_at, paused_at, warned, escalation_level, next_fire_at, calendar";

    private TimerRows() {
    }

    /**
     * Every clock of these petitions, locked, in one order, so that a unit's action and the timer watch cannot both
     * settle one clock, and two batches cannot deadlock. Plain rows: no entity is made of them.
     */
    static Uni<List<PledgeClock>> lock(List<String> petitionIds) {
        return RowsById.select("select " + CLOCK_COLUMNS + " from deadline_timer where petition_id = any($1) "
                + "order by petition_id, pledge for update", petitionIds, TimerRows::clock);
    }

    /**
     * Clocks whose next action is due by {@code now}, earliest first, locked; those another instance holds are skipped,
     * so several instances never fire one action twice.
     */
    static Uni<List<PledgeClock>> due(Instant now, int most) {
        return TransactionConnection.select("select " + CLOCK_COLUMNS + " from deadline_timer where next_fire_at <= $1 "
                        + "order by next_fire_at limit $2 for update skip locked", now, most)
                .map(rows -> rows.stream().map(TimerRows::clock).toList());
    }

    static PledgeClock clock(Object[] c) {
        return new PledgeClock((String) c[0], Pledge.valueOf((String) c[1]), new PledgeClock.Label((String) c[2], (String) c[3]),
                new PledgeClock.Assignment((String) c[4], (String) c[5], (String) c[6], (String) c[7], (String) c[8]),
                TimeBasis.valueOf((String) c[9]), Timestamptz.instant(c[10]), Timestamptz.instant(c[11]), TimerState.valueOf((String) c[12]),
                Timestamptz.instant(c[13]), Timestamptz.instant(c[14]), (Boolean) c[15], ((Number) c[16]).intValue(),
                Timestamptz.instant(c[17]), CalendarStatus.valueOf((String) c[18]));
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
