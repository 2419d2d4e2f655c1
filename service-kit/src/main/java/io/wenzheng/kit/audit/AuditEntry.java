package io.wenzheng.kit.audit;

import java.time.Instant;

/** One line of the audit log: who did what to which target, with what outcome, when and from where. */
public record AuditEntry(long seq, Instant at, String actor, String roles, String unit, String action, String target,
                         int outcome, String clientAddress, String userAgent, String traceId) {
}
