package io.wenzheng.analytics.stats;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "analytics"))
class SummaryResourceTest {

    @Test
    void countsEveryPetitionOnceWhateverTheRedeliveries() {
        JsonPath before = summary();
        long alipayBefore = count(before, "byChannel.ALIPAY");
        long breachedBefore = count(before, "firstResponse.BREACHED");
        Instant t = Instant.parse("2026-11-27T02:15:00Z");
        try (EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            for (int i = 0; i < 3; i++) {
                String id = EventProbe.newPetitionId();
                String received = "r-" + id;
                String routed = "o-" + id;
                for (int copy = 0; copy < 2; copy++) {
                    probe.publish(Topics.LIFECYCLE, new PetitionReceived(id, "ABCDEFGH", Channel.ALIPAY, null, "噪音", null, null, t, null),
                            "intake-service", received);
                    probe.publish(Topics.LIFECYCLE, new PetitionRouted(id, "环境保护", "A-ENV", "生态环境局", 1, "x", t, null, null, null),
                            "routing-service", routed);
                    probe.publish(Topics.SLA, new DeadlineSet(id, Pledge.FIRST_RESPONSE, TimeBasis.WORKING_TIME, t, t.plusSeconds(3600), io.wenzheng.contracts.CalendarStatus.OFFICIAL),
                            "sla-service", "s-" + id);
                }
                if (i == 0) {
                    probe.publish(Topics.SLA, new DeadlineBreached(id, Pledge.FIRST_RESPONSE, "A-ENV", t.plusSeconds(3600), t.plusSeconds(3601), false),
                            "sla-service", "b-" + id);
                }
            }
            // A poison message must not stop the count.
            probe.publishRaw(Topics.LIFECYCLE, "x", "garbage", java.util.Map.of());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath after = summary();
            assertThat(count(after, "byChannel.ALIPAY") - alipayBefore).isEqualTo(3);
            assertThat(count(after, "firstResponse.BREACHED") - breachedBefore).isEqualTo(1);
        });
        JsonPath after = summary();
        assertThat(after.getLong("total") - before.getLong("total"))
                .as("before %s after %s", before.prettify(), after.prettify()).isEqualTo(3);
        assertThat(count(after, "byUnit.A-ENV") - count(before, "byUnit.A-ENV")).isEqualTo(3);
        assertThat(count(after, "byStatus.ROUTED") - count(before, "byStatus.ROUTED")).isEqualTo(3);
    }

    private static JsonPath summary() {
        return given().get("/api/v1/stats/summary").then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath json, String path) {
        Object value = json.get(path.replace("A-ENV", "'A-ENV'"));
        return value == null ? 0 : ((Number) value).longValue();
    }

}
