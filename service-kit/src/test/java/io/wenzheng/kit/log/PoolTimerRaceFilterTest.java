package io.wenzheng.kit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class PoolTimerRaceFilterTest {
    private final PoolTimerRaceFilter filter = new PoolTimerRaceFilter();

    @Test
    void thePoolsLateSecondCompletionBecomesOneWarningLine() {
        LogRecord record = uncaught(thrownAt("Result is already complete", "io.vertx.sqlclient.impl.pool.SqlConnectionPool"));

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(record.getLevel()).isEqualTo(org.jboss.logmanager.Level.WARN);
        assertThat(record.getLevel().getName()).isEqualTo("WARN");
        assertThat(record.getThrown()).isNull();
        assertThat(record.getMessage()).contains("vertx-sql-client#1706").contains("nothing was lost");
    }

    @Test
    void theSameMessageFromAnywhereElseIsLeftAnError() {
        IllegalStateException elsewhere = thrownAt("Result is already complete", "io.wenzheng.intake.petition.PetitionWriter");
        LogRecord record = uncaught(elsewhere);

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(record.getThrown()).isSameAs(elsewhere);
    }

    @Test
    void anotherExceptionFromThePoolIsLeftAnError() {
        IllegalStateException other = thrownAt("Pool closed", "io.vertx.sqlclient.impl.pool.SqlConnectionPool");
        LogRecord record = uncaught(other);

        filter.isLoggable(record);

        assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(record.getThrown()).isSameAs(other);
    }

    @Test
    void aRecordWithoutAnExceptionIsUntouched() {
        LogRecord record = new LogRecord(Level.INFO, "started");

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(record.getLevel()).isEqualTo(Level.INFO);
        assertThat(record.getMessage()).isEqualTo("started");
    }

    private static LogRecord uncaught(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "Uncaught exception received by Vert.x");
        record.setThrown(thrown);
        return record;
    }

    private static IllegalStateException thrownAt(String message, String className) {
        IllegalStateException e = new IllegalStateException(message);
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.vertx.core.Promise", "fail", "Promise.java", 90),
                new StackTraceElement(className, "lambda$execute$3", "X.java", 216),
                new StackTraceElement("io.vertx.core.impl.VertxImpl$InternalTimerHandler", "handle", "VertxImpl.java", 1102)});
        return e;
    }
}
