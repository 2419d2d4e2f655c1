package io.wenzheng.kit.audit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import io.wenzheng.kit.sql.MultiRowStatement;
import io.wenzheng.kit.sql.Timestamptz;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The append-only audit table ({@code db/kit/V0_4__audit_log.sql}), written through the reactive pool outside any
 * business transaction: an action that failed is audited too.
 *
 * <p>Lines are written by group commit: a line that arrives while a write is under way waits for it, and all lines
 * that waited go together in the next statement. One caller alone waits for one round trip, as before; a hundred
 * concurrent requests share a few statements and commits instead of a hundred. Each caller's answer still waits until
 * its own line is durable. A statement that fails is retried line by line, so that one bad line fails only its own
 * caller.
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

    private final Object lock = new Object();
    private List<Waiting> queued = new ArrayList<>();
    private boolean writing;
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();

    public record Record(String actor, String roles, String unit, String action, String target, int outcome,
                         String clientAddress, String userAgent, String traceId) {
        List<Object> values() {
            return Arrays.asList(cut(actor, 200), cut(roles, 200), cut(unit, 64), cut(action, 300), cut(target, 100), (short) outcome,
                    cut(clientAddress, 200), cut(userAgent, 300), traceId);
        }
    }

    /** A line and its caller, answered on the caller's own Vert.x context. */
    private record Waiting(Record record, CompletableFuture<Void> written, Context context) {
        void done(Throwable failure) {
            Runnable answer = () -> {
                if (failure == null) {
                    written.complete(null);
                } else {
                    written.completeExceptionally(failure);
                }
            };
            if (context == null) {
                answer.run();
            } else {
                context.runOnContext(ignored -> answer.run());
            }
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
        Waiting waiting = new Waiting(r, new CompletableFuture<>(), Vertx.currentContext());
        boolean start;
        synchronized (lock) {
            queued.add(waiting);
            start = !writing;
            writing = true;
        }
        if (start) {
            writeQueued();
        }
        return Uni.createFrom().completionStage(waiting.written);
    }

    private void writeQueued() {
        List<Waiting> batch;
        synchronized (lock) {
            if (queued.isEmpty()) {
                writing = false;
                return;
            }
            int n = Math.min(queued.size(), MOST_LINES);
            batch = new ArrayList<>(queued.subList(0, n));
            queued = new ArrayList<>(queued.subList(n, queued.size()));
        }
        write(batch).subscribe().with(ignored -> writeQueued(), failure -> writeQueued());
    }

    private Uni<Void> write(List<Waiting> batch) {
        List<Object> values = new ArrayList<>();
        batch.forEach(w -> values.addAll(w.record().values()));
        // Deferred: whatever goes wrong, even before the statement is sent, answers the callers and frees the writer.
        return Uni.createFrom().deferred(() -> pool.preparedQuery(INSERT.sql(batch.size(), "$")).execute(Tuple.from(values)))
                .invoke(() -> {
                    statements.incrementAndGet();
                    lines.addAndGet(batch.size());
                    batch.forEach(w -> w.done(null));
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> batch.size() == 1
                        ? Uni.createFrom().voidItem().invoke(() -> batch.get(0).done(failure))
                        : Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(w -> write(List.of(w))).collect().last()
                                .replaceWithVoid());
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
