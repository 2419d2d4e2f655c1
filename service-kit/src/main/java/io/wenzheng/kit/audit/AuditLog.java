package io.wenzheng.kit.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit table ({@code db/kit/V0_4__audit_log.sql}), written through the reactive pool outside any
 * business transaction: an action that failed is audited too.
 */
@ApplicationScoped
public class AuditLog {
    @Inject
    Pool pool;

    public record Record(String actor, String roles, String unit, String action, String target, int outcome,
                         String clientAddress, String userAgent, String traceId) {
    }

    public Uni<Void> append(Record r) {
        return pool.preparedQuery("insert into audit_entry (actor, roles, unit, action, target, outcome, client_address, user_agent, trace_id)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(java.util.Arrays.asList(cut(r.actor(), 200), cut(r.roles(), 200), cut(r.unit(), 64),
                        cut(r.action(), 300), cut(r.target(), 100), (short) r.outcome(), cut(r.clientAddress(), 200),
                        cut(r.userAgent(), 300), r.traceId())))
                .replaceWithVoid();
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
            params.add(from.atOffset(ZoneOffset.UTC));
            sql.append(" and at >= $").append(params.size());
        }
        if (to != null) {
            params.add(to.atOffset(ZoneOffset.UTC));
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
