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

    @Test
    void aBugIsStillABug() {
        assertThat(DatabaseOutage.isCause(new IllegalStateException("unexpected state"))).isFalse();
        assertThat(DatabaseOutage.isCause(new NullPointerException())).isFalse();
    }
}
