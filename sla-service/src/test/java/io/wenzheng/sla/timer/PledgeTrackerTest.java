package io.wenzheng.sla.timer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;

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
    private static final String WARNING = "wenzheng.sla.warning.v1";
    private static final String ESCALATED = "wenzheng.sla.escalated.v1";
    private EventProbe probe;

    @BeforeEach
    void setUp() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        probe = new EventProbe(bootstrap);
        // Routing creates unit feeds in the suite; here the test stands in for it.
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get().contains(Topics.unitFeed("A3"))) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(Topics.unitFeed("A3"), 1, (short) 1))).all().get();
            }
        }
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

        var set = probe.await(Topics.SLA, r -> id.equals(r.key()) && SET.equals(r.header("ce_type")) && r.value().contains("FIRST_RESPONSE"),
                Duration.ofSeconds(20)).orElseThrow();
        assertThat(set.value()).contains("\"timeBasis\":\"REST_TIME\"").contains("\"dueAt\":\"2026-11-28T10:00:00Z\"");
        var resolution = probe.await(Topics.SLA, r -> id.equals(r.key()) && SET.equals(r.header("ce_type")) && r.value().contains("RESOLUTION"),
                Duration.ofSeconds(20)).orElseThrow();
        // Saturday: the fifth working day after it is Friday 4 December, 17:30 in Shanghai.
        assertThat(resolution.value()).contains("\"dueAt\":\"2026-12-04T09:30:00Z\"");
        var breached = probe.await(Topics.SLA, r -> id.equals(r.key()) && BREACHED.equals(r.header("ce_type")), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no breach"));
        assertThat(breached.header("ce_source")).isEqualTo("sla-service");
        assertThat(breached.value()).contains("\"unitCode\":\"A3\"").contains("\"late\":true");

        // Escalation delays are 0 s, 1 s and 2 s in the test profile: the whole chain runs, once.
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(id, ESCALATED).size() == 3);
        Thread.sleep(3000); // several more watch rounds
        assertThat(eventsOf(id, BREACHED)).hasSize(1);
        List<EventProbe.Seen> escalations = eventsOf(id, ESCALATED);
        assertThat(escalations).hasSize(3);
        assertThat(escalations.get(0).value()).contains("\"level\":1").contains("UNIT_STAFF");
        assertThat(escalations.get(2).value()).contains("\"level\":3").contains("SUPERVISION_OFFICE");
        assertThat(eventsOf(id, WARNING)).as("no warning once the deadline has passed").isEmpty();

        given().get("/api/v1/sla/petitions/" + id).then().statusCode(200)
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.state", equalTo("BREACHED"))
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.escalationLevel", equalTo(3))
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.unitCode", equalTo("A3"))
                .body("clocks.find { it.pledge == 'RESOLUTION' }.state", equalTo("RUNNING"))
                .body("history.type", org.hamcrest.Matchers.hasItems(SET, BREACHED, ESCALATED));
        given().queryParam("unit", "A3").get("/api/v1/sla/board").then().statusCode(200)
                .body("escalated.petitionId", org.hamcrest.Matchers.hasItem(id));
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
        assertThat(met.get().value()).contains("\"elapsedSeconds\":60").contains("FIRST_RESPONSE");
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
        assertThat(eventsOf(id, SET)).hasSize(2);
        assertThat(eventsOf(id, SET)).anyMatch(r -> r.value().contains("FIRST_RESPONSE")).anyMatch(r -> r.value().contains("RESOLUTION"));
    }

    @Test
    void aUnitIsWarnedAtEightyPercentOnThePetitionTopicAndItsFeed() {
        var pledge = new io.wenzheng.sla.pledge.FirstResponsePledge(io.wenzheng.sla.calendar.HolidayData.defaultCalendar());
        Instant now = Instant.now();
        // A receipt instant whose warning time has passed but whose deadline is still at least two minutes away.
        Instant received = java.util.stream.IntStream.rangeClosed(1, 470).mapToObj(m -> now.minus(Duration.ofMinutes(m)))
                .filter(t -> {
                    var d = pledge.deadlineFor(t);
                    Instant warnAt = t.plusMillis(Math.round(Duration.between(t, d.dueAt()).toMillis() * 0.8));
                    return !warnAt.isAfter(now) && d.dueAt().isAfter(now.plus(Duration.ofMinutes(2)));
                }).findFirst().orElseThrow();
        String id = EventProbe.newPetitionId();
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, received), "intake-service");
        probe.publish(new PetitionRouted(id, "环境保护", "A3", "A3区", 0.9, "test", received), "routing-service");

        var warning = probe.await(Topics.SLA, r -> id.equals(r.key()) && WARNING.equals(r.header("ce_type")), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no warning"));
        assertThat(warning.value()).contains("\"elapsedShare\":0.8").contains("FIRST_RESPONSE");
        assertThat(probe.await(Topics.unitFeed("A3"), r -> id.equals(r.key()) && WARNING.equals(r.header("ce_type")), Duration.ofSeconds(20)))
                .as("催办 reaches the unit's own feed").isPresent();
        assertThat(eventsOf(id, BREACHED)).isEmpty();
    }

    @Test
    void previewAnswersTheDeadlineQuestionAndRejectsBadInstants() {
        given().queryParam("receivedAt", "2026-11-27T01:30:00Z").get("/api/v1/sla/preview").then().statusCode(200)
                .body("timeBasis", equalTo("WORKING_TIME")).body("firstResponseDue", equalTo("2026-11-27T02:30:00Z"))
                .body("resolutionDue", equalTo("2026-12-04T09:30:00Z"));
        given().queryParam("receivedAt", "yesterday").get("/api/v1/sla/preview").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("receivedAt"));
        given().queryParam("receivedAt", "2027-06-01T01:30:00Z").get("/api/v1/sla/preview").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("no holiday data for 2027"));
        given().queryParam("within", "soon").get("/api/v1/sla/board").then().statusCode(400);
        given().get("/api/v1/sla/petitions/01JDQ8Z6X0ABCDEFGHJKMNPQRS").then().statusCode(404).contentType("application/problem+json");
    }

    private List<EventProbe.Seen> eventsOf(String id, String type) {
        return probe.readAll(Topics.SLA, Duration.ofSeconds(5)).stream()
                .filter(r -> id.equals(r.key()) && type.equals(r.header("ce_type"))).toList();
    }

}
