package io.wenzheng.intake.petition;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class PetitionTimelineTest {
    private EventProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new EventProbe(PetitionResourceTest.bootstrap());
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void routingAndSlaEventsCompleteThePetitionsStoryOnce() {
        String id = submit("小区噪音");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String routedId = UUID.randomUUID().toString();
        PetitionRouted routed = new PetitionRouted(id, "环境保护", "A3", "A3区人民政府", 0.9, "test", now, null, null, null);
        probe.publish(Topics.LIFECYCLE, routed, "routing-service", routedId);
        probe.publish(new DeadlineSet(id, Pledge.FIRST_RESPONSE, TimeBasis.WORKING_TIME, now, now.plusSeconds(3600), io.wenzheng.contracts.CalendarStatus.OFFICIAL), "sla-service");
        // Redelivery of the same event must change nothing.
        probe.publish(Topics.LIFECYCLE, routed, "routing-service", routedId);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/petitions/" + id).then()
                .body("status", equalTo("ROUTED"))
                .body("unit.code", equalTo("A3"))
                .body("deadline.dueAt", equalTo(now.plusSeconds(3600).toString()))
                .body("deadline.timeBasis", equalTo("WORKING_TIME")));

        probe.publish(new DeadlineBreached(id, Pledge.FIRST_RESPONSE, "A3", now.plusSeconds(3600), now.plusSeconds(3601), false), "sla-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/petitions/" + id).then()
                .body("deadline.overdue", equalTo(true)));

        JsonPath view = given().get("/api/v1/petitions/" + id).then().extract().jsonPath();
        List<String> types = view.getList("history.type");
        assertThat(types).containsExactly("wenzheng.petition.received.v1", "wenzheng.petition.routed.v1",
                "wenzheng.sla.deadline-set.v1", "wenzheng.sla.breached.v1");
        assertThat(view.getList("history.source")).containsExactly("intake-service", "routing-service", "sla-service", "sla-service");
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndDoNotBlockThePartition() {
        String id = submit("道路拥堵");
        String poisonId = UUID.randomUUID().toString();
        probe.publishRaw(Topics.LIFECYCLE, id, "{this is not json", Map.of(
                "ce_specversion", "1.0", "ce_id", poisonId, "ce_type", "wenzheng.petition.routed.v1",
                "ce_source", "routing-service", "ce_subject", id));
        String strangerId = UUID.randomUUID().toString();
        probe.publish(Topics.LIFECYCLE, new PetitionRouted("01JDQ8Z6X0ABCDEFGHJKMNPQRS", "交通运输", "A-T", "交通局", 1, "x",
                Instant.now(), null, null, null), "routing-service", strangerId);
        // Same key, so same partition, after the poison: it must still be processed.
        probe.publish(Topics.LIFECYCLE, new PetitionRouted(id, "交通运输", "A-TRANSPORT", "A市交通运输局", 1.0, "test",
                Instant.now(), null, null, null), "routing-service", UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/petitions/" + id).then()
                .body("status", equalTo("ROUTED")).body("unit.code", equalTo("A-TRANSPORT")));

        var deadLetter = probe.await(Topics.deadLetter(Topics.LIFECYCLE), r -> poisonId.equals(r.header("ce_id")), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("poison message not dead-lettered"));
        assertThat(deadLetter.header("dead-letter-reason")).contains("not valid PetitionRouted");
        assertThat(deadLetter.value()).isEqualTo("{this is not json");

        var unknown = probe.await(Topics.deadLetter(Topics.LIFECYCLE), r -> strangerId.equals(r.header("ce_id")), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("event for an unknown petition not dead-lettered"));
        assertThat(unknown.header("dead-letter-reason")).contains("unknown petition");
    }

    @Test
    void theResponsibleUnitCanHandAPetitionBackWithAReason() {
        String id = submit("小区噪音");
        probe.publish(new PetitionRouted(id, "环境保护", "A3", "A3区人民政府", 0.9, "test", Instant.now(), null, null, null), "routing-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/petitions/" + id).then()
                .body("status", equalTo("ROUTED")));

        given().contentType(ContentType.JSON).body(Map.of("unitCode", "A-ENV", "reason", "不归我们管"))
                .post("/api/v1/petitions/" + id + "/hand-back").then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("unitCode", "A3", "reason", " "))
                .post("/api/v1/petitions/" + id + "/hand-back").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("unitCode", "A3", "reason", "该工地由市生态环境局直接监管"))
                .post("/api/v1/petitions/" + id + "/hand-back").then().statusCode(202)
                .body("status", equalTo("RETURNED")).body("unit", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON).body(Map.of("unitCode", "A3", "reason", "again"))
                .post("/api/v1/petitions/" + id + "/hand-back").then().statusCode(409);

        var returned = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.returned.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(60)).orElseThrow();
        assertThat(returned.value()).contains("\"unitCode\":\"A3\"").contains("该工地由市生态环境局直接监管");
    }

    @Test
    void aBatchAboutPetitionsIntakeNeverSawIsRefusedInOneGoAndARefusedEventCanBeReplayed() {
        String id = submit("路灯不亮");
        List<EventProbe.Outgoing> strangers = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            strangers.add(new EventProbe.Outgoing(Topics.SLA, new DeadlineBreached(EventProbe.newPetitionId(), Pledge.FIRST_RESPONSE, "A3",
                    Instant.now(), Instant.now(), false), "sla-service", UUID.randomUUID().toString()));
        }
        double splitsBefore = meter("wenzheng_consumer_batch_splits_total{consumer=\"intake-timeline\"");
        double batchesBefore = meter("wenzheng_consumer_batch_size_count{consumer=\"intake-timeline\"");
        probe.publishTogether(strangers);

        java.util.Set<String> expected = new java.util.HashSet<>(strangers.stream().map(EventProbe.Outgoing::eventId).toList());
        java.util.Map<String, String> reasons = new java.util.concurrent.ConcurrentHashMap<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            probe.readAll(Topics.deadLetter(Topics.SLA), Duration.ofSeconds(5)).stream().filter(r -> expected.contains(r.header("ce_id")))
                    .forEach(r -> reasons.put(r.header("ce_id"), r.header("dead-letter-reason")));
            return reasons.keySet().containsAll(expected);
        });
        assertThat(reasons.values()).allSatisfy(reason -> assertThat(reason).contains("names unknown petition"));
        assertThat(meter("wenzheng_consumer_batch_size_count{consumer=\"intake-timeline\"") - batchesBefore)
                .as("the events were read in batches, not one by one").isLessThan(300);
        assertThat(meter("wenzheng_consumer_batch_splits_total{consumer=\"intake-timeline\"")).as("refusals do not split a batch")
                .isEqualTo(splitsBefore);

        // A refused event leaves no claim behind: once what it needs exists, its replay (same id) is applied.
        String replayed = strangers.get(0).eventId();
        Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(3600);
        probe.publish(Topics.SLA, new DeadlineSet(id, Pledge.FIRST_RESPONSE, TimeBasis.WORKING_TIME, Instant.now(), due,
                io.wenzheng.contracts.CalendarStatus.OFFICIAL), "sla-service", replayed);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/petitions/" + id).then()
                .body("deadline.dueAt", equalTo(due.toString())));
    }

    /** A meter's value from the Prometheus scrape; 0 before it was first recorded. */
    private static double meter(String prefix) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(prefix)).mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String submit(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("channel", "WEB", "text", text))
                .post("/api/v1/petitions").then().statusCode(201).extract().jsonPath().getString("id");
    }
}
