package io.wenzheng.contracts;

import java.time.Instant;

/**
 * Marks a petition taken over from a city's earlier system (历史数据导入): its times are history. Routing records the
 * unit the old system named, sla settles the pledges from the recorded times instead of starting clocks, and
 * analytics counts it in the periods it belongs to without announcing old surges as news.
 *
 * @param importId        the import job it came with
 * @param unitCode        the unit the old system gave it to; null when routing should choose
 * @param firstResponseAt when the unit first answered; null when it never did
 * @param resolvedAt      when it was closed (办结); null when it is still open
 */
public record ImportedRecord(String importId, String unitCode, Instant firstResponseAt, Instant resolvedAt) {

    /** A closed historical petition owes nothing any more: no clock runs for it. */
    public boolean closed() {
        return resolvedAt != null;
    }
}
