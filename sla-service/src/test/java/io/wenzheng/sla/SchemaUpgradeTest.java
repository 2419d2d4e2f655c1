package io.wenzheng.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.wenzheng.devstack.testing.DevStackTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The kit's migrations (db/kit, versions 0.x) share one version line with the service's own (db/migration, 1 and up),
 * so a kit migration released later has a lower version than migrations a running database already has. Upgrading
 * such a database must apply it, not refuse to start.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "sla"))
class SchemaUpgradeTest {
    @Inject
    Flyway flyway;

    @Test
    void aDatabaseFromBeforeALaterKitMigrationIsUpgradedByTheServicesOwnFlyway() throws Exception {
        // The database as a release before kit 0.5 and 0.6 left it, with every sla migration applied.
        try (Connection db = flyway.getConfiguration().getDataSource().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("drop trigger outbox_event_notify on outbox_event");
            sql.execute("delete from flyway_schema_history where version in ('0.5', '0.6')");
        }

        MigrateResult upgrade = flyway.migrate();

        assertThat(upgrade.success).isTrue();
        assertThat(upgrade.migrations.stream().map(m -> m.version)).containsExactly("0.5", "0.6");
        try (Connection db = flyway.getConfiguration().getDataSource().getConnection(); Statement sql = db.createStatement();
             ResultSet trigger = sql.executeQuery("select count(*) from pg_trigger where tgname = 'outbox_event_notify'")) {
            trigger.next();
            assertThat(trigger.getInt(1)).as("the relay's wake-up trigger is back").isEqualTo(1);
        }
        assertThat(Arrays.stream(flyway.info().pending())).as("nothing left pending").isEmpty();
    }
}
