package io.wenzheng.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aDatabaseThatCannotBeReachedIsUnavailableNotAnInternalError() {
        assertThat(DatabaseOutage.isCause(new IllegalStateException(new java.net.ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseOutage.isCause(new CompletionException(new RuntimeException("Connection was closed")))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException("FATAL: the database system is starting up")))
                .as("crash recovery still running").isTrue();
    }

    /** What a SIGKILLed PostgreSQL gave intake in the crash harness, answered 500 before this test. */
    @Test
    void aConnectionLostMidTransactionIsAnOutageToo() {
        var lost = io.vertx.sqlclient.ClosedConnectionException.INSTANCE;
        assertThat(DatabaseOutage.isCause(new org.hibernate.HibernateException(lost))).isTrue();
        assertThat(DatabaseOutage.isCause(new io.smallrye.mutiny.CompositeException(
                new IllegalStateException("HR000090: rollback failed"), new RuntimeException(lost)))).isTrue();
        assertThat(DatabaseOutage.isCause(new java.net.SocketException("Connection reset"))).isTrue();
        assertThat(DatabaseOutage.isCause(new io.smallrye.mutiny.CompositeException(
                new IllegalStateException("one"), new IllegalArgumentException("two")))).as("a composite of bugs").isFalse();
    }

    @Test
    void aBugIsStillABug() {
        assertThat(DatabaseOutage.isCause(new IllegalStateException("unexpected state"))).isFalse();
        assertThat(DatabaseOutage.isCause(new NullPointerException())).isFalse();
    }
}
