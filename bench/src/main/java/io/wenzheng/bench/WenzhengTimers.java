package io.wenzheng.bench;

import io.wenzheng.devstack.DevStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * sla-service's own timers: rows in {@code deadline_timer}, fired by its timer watch in a separate, running
 * sla-service process. The pending rows are loaded with COPY, as a restore of a busy city's database would be.
 */
final class WenzhengTimers implements TimerEngine {
    private static final String BREACHED = "wenzheng.sla.breached.v1";
    private static final String COLUMNS = "id, petition_id, pledge, time_basis, started_at, due_at, state, warned, escalation_level, next_fire_at";

    private final DevStack stack;

    WenzhengTimers(DevStack stack) {
        this.stack = stack;
    }

    @Override
    public String name() {
        return "wenzheng";
    }

    private Connection sla() throws Exception {
        return stack.postgres().superuserConnection("sla");
    }

    @Override
    public void loadPending(int count, Instant farAway) throws Exception {
        try (Connection c = sla(); Statement s = c.createStatement()) {
            s.execute("truncate deadline_timer, outbox_event");
            Copy.rows(c, "deadline_timer", COLUMNS, count, i -> row(Plan.petitionId(Plan.PENDING, i), farAway.plusMillis(i)), "deadline_timer");
            s.execute("analyze deadline_timer");
        }
    }

    private static String row(String petitionId, Instant due) {
        String started = due.minusSeconds(8 * 3600).toString();
        return petitionId + "/FIRST_RESPONSE," + petitionId + ",FIRST_RESPONSE,REST_TIME," + started + "," + due + ",RUNNING,t,0," + due;
    }

    @Override
    public void arm(List<Plan.Deadline> firing) throws Exception {
        try (Connection c = sla()) {
            Copy.rows(c, "deadline_timer", COLUMNS, firing.size(), i -> row(firing.get(i).petitionId(), firing.get(i).dueAt()), "firing");
        }
    }

    @Override
    public long fired() throws Exception {
        try (Connection c = sla(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from outbox_event where event_type = '" + BREACHED + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public List<Firing> firings() throws Exception {
        List<Firing> out = new ArrayList<>();
        try (Connection c = sla(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select subject, (payload::jsonb->>'dueAt')::timestamptz, pg_xact_commit_timestamp(xmin) "
                     + "from outbox_event where event_type = '" + BREACHED + "'")) {
            while (rs.next()) {
                out.add(new Firing(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
            }
        }
        return out;
    }

    @Override
    public void disarm() throws Exception {
        try (Connection c = sla(); Statement s = c.createStatement()) {
            s.execute("truncate deadline_timer, outbox_event");
        }
    }

    @Override
    public void close() {
    }
}
