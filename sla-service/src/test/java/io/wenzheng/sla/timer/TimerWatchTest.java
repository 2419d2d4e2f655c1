package io.wenzheng.sla.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "sla"))
class TimerWatchTest {
    @Inject
    TimerWatch watch;
    @Inject
    java.time.Clock clock;

    /**
     * Another instance's timers, written straight to the table, each due in a second and a half: the watch hears each
     * commit and fires the timer on time, though by itself it looks at its timers only every ten seconds while it
     * listens. Three in a row, so that a watch that happened to wake near a due time by its own schedule cannot pass.
     */
    @Test
    void timersAnotherInstanceWritesDueSoonerThanAnyKnownFireOnTime() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(watch::hearsCommits);
        Config config = ConfigProvider.getConfig();
        assertThat(config.getValue("wenzheng.sla.listening-interval", Duration.class)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        try (EventProbe probe = new EventProbe(config.getValue("kafka.bootstrap.servers", String.class));
             Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                     config.getValue("quarkus.datasource.username", String.class),
                     config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null))) {
            for (int i = 0; i < 3; i++) {
                String id = EventProbe.newPetitionId();
                Instant due = clock.instant().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
                insertTimer(db, id, due);
                var breached = probe.await(Topics.SLA, r -> id.equals(r.key()) && "wenzheng.sla.breached.v1".equals(r.header("ce_type")),
                        Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("the timer never fired"));
                Instant firedAt = Instant.parse(breached.header("ce_time"));
                assertThat(Duration.between(due, firedAt)).as("lateness of firing " + (i + 1)).isLessThan(Duration.ofSeconds(1));
            }
        }
    }

    private static void insertTimer(Connection db, String petitionId, Instant due) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("insert into deadline_timer (id, petition_id, pledge, time_basis, unit_code, "
                + "tracking_code, title, started_at, due_at, state, warned, escalation_level, next_fire_at, chases, calendar) "
                + "values (?, ?, 'FIRST_RESPONSE', 'WORKING_TIME', 'A3', 'TWSECOND', '路灯不亮', ?, ?, 'RUNNING', true, 0, ?, 0, 'OFFICIAL')")) {
            insert.setString(1, DeadlineTimer.idOf(petitionId, io.wenzheng.contracts.Pledge.FIRST_RESPONSE));
            insert.setString(2, petitionId);
            insert.setTimestamp(3, Timestamp.from(due.minus(Duration.ofHours(1))));
            insert.setTimestamp(4, Timestamp.from(due));
            insert.setTimestamp(5, Timestamp.from(due));
            insert.executeUpdate();
        }
    }
}
