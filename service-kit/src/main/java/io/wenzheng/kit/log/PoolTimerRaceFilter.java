package io.wenzheng.kit.log;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Turns the reactive PostgreSQL pool's late "Result is already complete" into one warning line.
 *
 * <p>While the database is down, every query's connection attempt fails at once and the caller gets that failure, as
 * it should. The pool's acquisition timer is not cancelled on that path, though (vertx-sql-client#1706, open in
 * the 4.5 line Quarkus ships), so 30 s later it completes the same promise a second time and Vert.x reports an
 * uncaught {@code IllegalStateException} with a full stack trace. Nothing was lost or left waiting; in the crash
 * tests a database outage wrote some 200 of these ERROR records, enough to bury the ones that matter and to page
 * whoever alerts on errors. Any other uncaught exception passes through unchanged.
 */
@LoggingFilter(name = PoolTimerRaceFilter.NAME)
public final class PoolTimerRaceFilter implements Filter {
    public static final String NAME = "pool-timer-race";
    static final String WARNING = "A database connection attempt that had already failed timed out as well "
            + "(vertx-sql-client#1706): the caller was told at the time, nothing was lost";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (isPoolTimerRace(record.getThrown())) {
            // JBoss's WARN, not JUL's WARNING: the line reads like every other warning of the service.
            record.setLevel(org.jboss.logmanager.Level.WARN);
            record.setMessage(WARNING);
            record.setParameters(null);
            record.setThrown(null);
        }
        return true;
    }

    static boolean isPoolTimerRace(Throwable thrown) {
        if (!(thrown instanceof IllegalStateException) || !"Result is already complete".equals(thrown.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().equals("io.vertx.sqlclient.impl.pool.SqlConnectionPool")) {
                return true;
            }
        }
        return false;
    }
}
