package io.wenzheng.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtraSettingsTest {

    @Test
    void pairsAreReadInOrderAndTrimmed() {
        assertThat(PostgresServer.extraSettings(" shared_preload_libraries = pg_stat_statements ;pg_stat_statements.track=all"))
                .containsExactly(Map.entry("shared_preload_libraries", "pg_stat_statements"), Map.entry("pg_stat_statements.track", "all"));
        assertThat(PostgresServer.extraSettings(null)).isEmpty();
        assertThat(PostgresServer.extraSettings(" ")).isEmpty();
    }

    @Test
    void aPairWithoutANameIsRefusedWithWhatWasWrong() {
        assertThatThrownBy(() -> PostgresServer.extraSettings("work_mem=8MB;oops"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'oops' is not name=value");
    }
}
