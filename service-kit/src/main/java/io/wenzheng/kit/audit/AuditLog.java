package io.wenzheng.kit.audit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import io.wenzheng.kit.sql.GroupCommit;
import io.wenzheng.kit.sql.MultiRowStatement;
import io.wenzheng.kit.sql.Timestamptz;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The append-only audit table ({@code db/kit/V0_4__audit_log.sql}), written through the reactive pool outside any
 * business transaction: an action that failed is audited too.
 *
 * <p>Lines are written by {@link GroupCommit}: a hundred concurrent requests share a few statements and commits instead of
 * a hundred, each caller's answer still waits until its own line is durable, and one bad line fails only its own caller.
 */
@ApplicationScoped
public class AuditLog {
    private static final MultiRowStatement INSERT = new MultiRowStatement(
            "insert into audit_entry (actor, roles, unit, action, target, outcome, client_address, user_agent, trace_id) values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?)", "");
    /** Lines per statement: a burst is written in a few statements, none of them huge. */
    static final int MOST_LINES = 500;

    @Inject
    Pool pool;

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();
    private final GroupCommit<Record> writes = new GroupCommit<>(MOST_LINES, this::insert, r -> insert(List.of(r)), group -> {
        statements.incrementAndGet();
        lines.addAndGet(group);
    });

    public record Record(String actor, String roles, String unit, String action, String target, int outcome,
                         String clientAddress, String userAgent, String traceId) {
        List<Object> values() {
            return Arrays.asList(cut(actor, 200), cut(roles, 200), cut(unit, 64), cut(action, 300), cut(target, 100), (short) outcome,
                    cut(clientAddress, 200), cut(userAgent, 300), traceId);
        }
    }

    @Inject
    void metrics(MeterRegistry registry) {
        FunctionCounter.builder("wenzheng.audit.statements", statements, AtomicLong::get)
                .description("statements that wrote audit lines (group commit: fewer than the lines under load)").register(registry);
        FunctionCounter.builder("wenzheng.audit.lines", lines, AtomicLong::get).description("audit lines written").register(registry);
    }

    /** Completes when the line is written, or fails with the database's error. */
    public Uni<Void> append(Record r) {
        return writes.write(r);
    }

    private Uni<Void> insert(List<Record> group) {
        List<Object> values = new ArrayList<>();
        group.forEach(r -> values.addAll(r.values()));
        return pool.preparedQuery(INSERT.sql(group.size(), "$")).execute(Tuple.from(values)).replaceWithVoid();
    }

    /** Newest first; every filter is optional. */
    public Uni<List<AuditEntry>> find(String actor, String target, Instant from, Instant to, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from audit_entry where true");
        if (actor != null) {
            params.add(actor);
            sql.append(" and actor = $").append(params.size());
        }
        if (target != null) {
            params.add(target);
            sql.append(" and target = $").append(params.size());
        }
        if (from != null) {
            params.add(Timestamptz.of(from));
            sql.append(" and at >= $").append(params.size());
        }
        if (to != null) {
            params.add(Timestamptz.of(to));
            sql.append(" and at < $").append(params.size());
        }
        params.add(limit);
        sql.append(" order by seq desc limit $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .map(rows -> {
                    List<AuditEntry> out = new ArrayList<>();
                    for (Row row : rows) {
                        out.add(new AuditEntry(row.getLong("seq"), row.getOffsetDateTime("at").toInstant(), row.getString("actor"),
                                row.getString("roles"), row.getString("unit"), row.getString("action"), row.getString("target"),
                                row.getShort("outcome"), row.getString("client_address"), row.getString("user_agent"),
                                row.getString("trace_id")));
                    }
                    return out;
                });
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
