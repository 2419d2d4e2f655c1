package io.wenzheng.sla.timer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "sla"))
class PledgeTrackerTest {
    private static final String SET = "wenzheng.sla.deadline-set.v1";
    private static final String BREACHED = "wenzheng.sla.breached.v1";
    private static final String MET = "wenzheng.sla.met.v1";
    private EventProbe probe;

    @BeforeEach
    void setUp() {
        probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void anExpiredTimerBreachesOnceAndNamesTheUnit() throws InterruptedException {
        String id = EventProbe.newPetitionId();
        // Saturday 2026-11-28 10:00 in Shanghai: rest time, so 8 hours, long past.
        Instant received = Instant.parse("2026-11-28T02:00:00Z");
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, received), "intake-service");
        probe.publish(new PetitionRouted(id, "环境保护", "A3", "A3区", 0.9, "test", received.plusSeconds(1)), "routing-service");

        var set = probe.await(Topics.SLA, r -> id.equals(r.key()) && SET.equals(r.header("ce_type")), Duration.ofSeconds(20)).orElseThrow();
        assertThat(set.value()).contains("\"timeBasis\":\"REST_TIME\"").contains("\"dueAt\":\"2026-11-28T10:00:00Z\"");
        var breached = probe.await(Topics.SLA, r -> id.equals(r.key()) && BREACHED.equals(r.header("ce_type")), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no breach"));
        assertThat(breached.header("ce_source")).isEqualTo("sla-service");
        assertThat(breached.value()).contains("\"unitCode\":\"A3\"");

        Thread.sleep(3000); // several breach-watch rounds
        assertThat(eventsOf(id, BREACHED)).hasSize(1);
        given().get("/api/v1/deadlines/" + id).then().statusCode(200)
                .body("[0].state", equalTo("BREACHED")).body("[0].unitCode", equalTo("A3"))
                .body("[0].dueAt", equalTo("2026-11-28T10:00:00Z"));
    }

    @Test
    void aResponseInTimeMeetsThePledgeAndNothingBreaches() throws InterruptedException {
        String id = EventProbe.newPetitionId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WECHAT, null, "噪音", null, null, now), "intake-service");
        probe.await(Topics.SLA, r -> id.equals(r.key()) && SET.equals(r.header("ce_type")), Duration.ofSeconds(20)).orElseThrow();
        probe.publish(new PetitionResponded(id, "A3", "已收到", now.plusSeconds(60)), "intake-service");

        var met = probe.await(Topics.SLA, r -> id.equals(r.key()) && MET.equals(r.header("ce_type")), Duration.ofSeconds(20));
        assertThat(met).isPresent();
        assertThat(eventsOf(id, BREACHED)).isEmpty();
    }

    @Test
    void aRedeliveredReceivedEventSetsOneDeadline() {
        String id = EventProbe.newPetitionId();
        var event = new PetitionReceived(id, "ABCDEFGH", Channel.HOTLINE, null, "噪音", null, null, Instant.now());
        probe.publish(Topics.LIFECYCLE, event, "intake-service", "dup-" + id);
        probe.publish(Topics.LIFECYCLE, event, "intake-service", "dup-" + id);
        probe.publish(Topics.LIFECYCLE, event, "intake-service", "other-" + id);
        probe.await(Topics.SLA, r -> id.equals(r.key()) && SET.equals(r.header("ce_type")), Duration.ofSeconds(20)).orElseThrow();
        // Both copies and the third distinct delivery sit on one partition, before any later event of this key.
        String marker = EventProbe.newPetitionIdOnPartitionOf(id, 6);
        probe.publish(new PetitionReceived(marker, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, Instant.now()), "intake-service");
        probe.await(Topics.SLA, r -> marker.equals(r.key()) && SET.equals(r.header("ce_type")), Duration.ofSeconds(20)).orElseThrow();
        assertThat(eventsOf(id, SET)).hasSize(1);
    }

    @Test
    void previewAnswersTheDeadlineQuestionAndRejectsBadInstants() {
        given().queryParam("receivedAt", "2026-11-27T01:30:00Z").get("/api/v1/deadlines/preview").then().statusCode(200)
                .body("timeBasis", equalTo("WORKING_TIME")).body("dueAt", equalTo("2026-11-27T02:30:00Z"));
        given().queryParam("receivedAt", "yesterday").get("/api/v1/deadlines/preview").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("receivedAt"));
        given().get("/api/v1/deadlines/01JDQ8Z6X0ABCDEFGHJKMNPQRS").then().statusCode(404).contentType("application/problem+json");
    }

    private List<EventProbe.Seen> eventsOf(String id, String type) {
        return probe.readAll(Topics.SLA, Duration.ofSeconds(5)).stream()
                .filter(r -> id.equals(r.key()) && type.equals(r.header("ce_type"))).toList();
    }

}
