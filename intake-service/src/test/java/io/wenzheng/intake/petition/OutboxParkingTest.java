package io.wenzheng.intake.petition;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class OutboxParkingTest {

    @Test
    void anUndeliverableRowIsParkedAndDoesNotHoldBackTheOthers() throws Exception {
        String eventId = UUID.randomUUID().toString();
        try (Connection c = connection()) {
            var insert = c.prepareStatement("insert into outbox_event (event_id, event_type, topic, message_key, subject, payload, occurred_at) "
                    + "values (?, 'wenzheng.petition.routed.v1', 'unit.NO-SUCH-UNIT.feed', '01JDQ8Z6X0ABCDEFGHJKMNPQRS', "
                    + "'01JDQ8Z6X0ABCDEFGHJKMNPQRS', '{}', now())");
            insert.setString(1, eventId);
            insert.executeUpdate();
        }
        String id = given().contentType(ContentType.JSON).body(Map.of("channel", "WEB", "text", "路灯坏了"))
                .post("/api/v1/petitions").then().statusCode(201).extract().jsonPath().getString("id");

        try (EventProbe probe = new EventProbe(PetitionResourceTest.bootstrap())) {
            assertThat(probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()), Duration.ofSeconds(30)))
                    .as("the petition's event goes out while the bad row fails").isPresent();
        }
        // A failure counts against the row only while the broker takes other rows, so keep traffic flowing.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            given().contentType(ContentType.JSON).body(Map.of("channel", "WEB", "text", "路灯又坏了"))
                    .post("/api/v1/petitions").then().statusCode(201);
            try (Connection c = connection();
                 var rs = c.createStatement().executeQuery("select attempts, parked_at, last_error, sent_at from outbox_event where event_id = '"
                         + eventId + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getTimestamp(2)).as("parked").isNotNull();
                assertThat(rs.getString(3)).isNotBlank();
                assertThat(rs.getTimestamp(4)).as("never marked sent").isNull();
            }
        });
    }

    private static Connection connection() throws Exception {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
    }
}
