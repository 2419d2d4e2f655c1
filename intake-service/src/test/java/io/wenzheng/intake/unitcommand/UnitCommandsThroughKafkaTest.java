package io.wenzheng.intake.unitcommand;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.CalendarStatus;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A unit's own system through Kafka alone: its feed tells it the whole case, its commands act as the workbench
 * would, another unit's commands are refused, a repeated command changes nothing and an unreadable one is dead-lettered.
 */
@QuarkusTest
@TestSecurity(user = "admin1", roles = {"operator", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class UnitCommandsThroughKafkaTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private EventProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new EventProbe(org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void theFeedCarriesTheWholeCaseAndCommandsActLikeTheWorkbench() throws Exception {
        String id = routedToA3("幸福小区旁工地夜间施工", "幸福小区旁工地每晚十一点后还在施工，我的电话13812345678，请尽快处理");
        Instant due = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        probe.publish(new DeadlineSet(id, Pledge.FIRST_RESPONSE, TimeBasis.WORKING_TIME, Instant.now(), due, CalendarStatus.PROVISIONAL), "sla-service");

        JsonNode routed = feedEvent("A3", id, "ROUTED");
        assertThat(routed.path("withUnit").asBoolean()).isTrue();
        JsonNode file = routed.path("petition");
        assertThat(file.path("trackingCode").asText()).isEqualTo(given().get("/api/v1/petitions/" + id).then().extract().path("trackingCode"));
        assertThat(file.path("subject").asText()).isEqualTo("幸福小区旁工地夜间施工");
        assertThat(file.path("text").asText()).contains("每晚十一点后").doesNotContain("13812345678");
        assertThat(file.path("category").asText()).isEqualTo("城乡建设");
        assertThat(file.path("subcategory").asText()).isEqualTo("建筑施工");
        assertThat(file.path("place").path("districtCode").asText()).isEqualTo("A3");
        assertThat(file.path("channel").asText()).isEqualTo("WEB");
        assertThat(file.toString()).as("never contact data").doesNotContain("张三").doesNotContain("13812345678");

        JsonNode deadline = feedEvent("A3", id, "DEADLINE_SET");
        JsonNode clock = deadline.path("petition").path("clocks").get(0);
        assertThat(clock.path("pledge").asText()).isEqualTo("FIRST_RESPONSE");
        assertThat(Instant.parse(clock.path("dueAt").asText())).isEqualTo(due);
        assertThat(clock.path("calendar").asText()).isEqualTo("PROVISIONAL");
        assertThat(clock.path("state").asText()).isEqualTo("RUNNING");

        String signFor = command("A3", "wenzheng.unit.sign-for.v1", id, Map.of());
        assertThat(result("A3", signFor).path("outcome").asText()).isEqualTo("ACCEPTED");
        String resolve = command("A3", "wenzheng.unit.resolve.v1", id, Map.of("message", "已责令施工方22点后停工，复查达标"));
        JsonNode resolved = result("A3", resolve);
        assertThat(resolved.path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");

        given().get("/api/v1/petitions/" + id).then().statusCode(200).body("status", equalTo("RESOLVED"))
                .body("history.type", hasItems("wenzheng.petition.accepted.v1", "wenzheng.petition.resolved.v1"));
        assertThat(probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.resolved.v1".equals(r.header("ce_type")), WAIT))
                .as("the same lifecycle event as the workbench's, for SLA and analytics").isPresent();
        assertThat(feedEvent("A3", id, "RESOLVED").path("petition").path("status").asText()).isEqualTo("RESOLVED");

        // The same command id again: nothing changes and nothing is answered; a new id is refused as REST would be.
        command("A3", "wenzheng.unit.resolve.v1", id, Map.of("message", "again"), resolve);
        String again = command("A3", "wenzheng.unit.resolve.v1", id, Map.of("message", "again"));
        JsonNode refused = result("A3", again);
        assertThat(refused.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refused.path("problem").path("status").asInt()).isEqualTo(409);
        assertThat(probe.readAll(Topics.unitFeed("A3"), Duration.ofSeconds(2)).stream()
                .filter(r -> "wenzheng.unit.command-result.v1".equals(r.header("ce_type")) && r.value().contains("\"commandId\":\"" + resolve + "\"")))
                .as("a repeated command id is answered once").hasSize(1);
        given().get("/api/v1/petitions/" + id).then()
                .body("history.findAll { it.type == 'wenzheng.petition.resolved.v1' }.size()", equalTo(1));
    }

    @Test
    void anotherUnitsCommandsAreRefusedAuditedAndChangeNothing() throws Exception {
        String id = routedToA3("路灯坏了", "幸福路的路灯坏了一个月");
        String signFor = command("A-ENV", "wenzheng.unit.sign-for.v1", id, Map.of());
        JsonNode refused = result("A-ENV", signFor);
        assertThat(refused.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refused.path("problem").path("status").asInt()).as("as REST answers a petition outside the unit's sight").isEqualTo(404);
        String resolve = command("A-ENV", "wenzheng.unit.resolve.v1", id, Map.of("message", "已处理"));
        assertThat(result("A-ENV", resolve).path("outcome").asText()).isEqualTo("REFUSED");

        given().get("/api/v1/petitions/" + id).then().body("status", equalTo("ROUTED"));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("target", id).get("/api/v1/admin/audit").then().statusCode(200)
                .body("findAll { it.unit == 'A-ENV' }.outcome", hasItems(404, 404))
                .body("findAll { it.unit == 'A-ENV' }.actor", hasItems("kafka:unit.commands.A-ENV")));
        assertThat(probe.readAll(Topics.unitFeed("A3"), Duration.ofSeconds(2)).stream()
                .filter(r -> id.equals(r.key()) && "wenzheng.unit.command-result.v1".equals(r.header("ce_type"))))
                .as("the holding unit hears nothing of another unit's attempt").isEmpty();
    }

    @Test
    void anUnreadableCommandGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String id = routedToA3("噪音", "广场舞噪音太大");
        probe.publishRaw(Topics.unitCommands("A3"), id, "{\"petitionId\":\"" + id + "\"}", ce("wenzheng.unit.resolve.v1", "bad-1", id));
        probe.publishRaw(Topics.unitCommands("A3"), id, "{not json", ce("wenzheng.unit.respond.v1", "bad-2", id));
        probe.publishRaw(Topics.unitCommands("A3"), id, "{\"petitionId\":\"" + id + "\"}", ce("wenzheng.unit.teleport.v1", "bad-3", id));
        var missingText = probe.await(Topics.UNIT_COMMANDS_DLQ, r -> id.equals(r.key()) && "bad-1".equals(r.header("ce_id")), WAIT).orElseThrow();
        assertThat(missingText.header("dead-letter-reason")).contains("\"message\"");
        assertThat(probe.await(Topics.UNIT_COMMANDS_DLQ, r -> "bad-2".equals(r.header("ce_id")), WAIT).orElseThrow()
                .header("dead-letter-reason")).contains("not valid JSON");
        assertThat(probe.await(Topics.UNIT_COMMANDS_DLQ, r -> "bad-3".equals(r.header("ce_id")), WAIT).orElseThrow()
                .header("dead-letter-reason")).contains("unknown command type");

        // The consumer goes on: a good command after the bad ones is decided.
        String signFor = command("A3", "wenzheng.unit.sign-for.v1", id, Map.of());
        assertThat(result("A3", signFor).path("outcome").asText()).isEqualTo("ACCEPTED");
        given().get("/api/v1/petitions/" + id).then().body("status", equalTo("ACCEPTED"));
    }

    private String routedToA3(String subject, String text) {
        String id = given().contentType(ContentType.JSON).body(Map.of("channel", "WEB", "subject", subject, "text", text,
                        "contact", Map.of("name", "张三", "phone", "13812345678")))
                .post("/api/v1/petitions").then().statusCode(201).extract().jsonPath().getString("id");
        probe.publish(new PetitionRouted(id, "城乡建设", "A3", "A3区人民政府", 0.9, "test", Instant.now(), null, null, "A3",
                java.util.List.of("A"), "建筑施工"), "routing-service");
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/petitions/" + id).then().body("status", equalTo("ROUTED")));
        return id;
    }

    private String command(String unit, String type, String petitionId, Map<String, String> data) throws Exception {
        return command(unit, type, petitionId, data, UUID.randomUUID().toString());
    }

    private String command(String unit, String type, String petitionId, Map<String, String> data, String commandId) throws Exception {
        Map<String, Object> body = new HashMap<>(data);
        body.put("petitionId", petitionId);
        probe.publishRaw(Topics.unitCommands(unit), petitionId, EventJson.mapper().writeValueAsString(body), ce(type, commandId, petitionId));
        return commandId;
    }

    private static Map<String, String> ce(String type, String id, String subject) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", "test-department", "ce_subject", subject,
                "ce_time", Instant.now().toString(), "content-type", "application/json");
    }

    private JsonNode result(String unit, String commandId) throws Exception {
        var seen = probe.await(Topics.unitFeed(unit), r -> "wenzheng.unit.command-result.v1".equals(r.header("ce_type"))
                && r.value().contains("\"commandId\":\"" + commandId + "\""), WAIT)
                .orElseThrow(() -> new AssertionError("no result for command " + commandId + " on " + unit + "'s feed"));
        assertThat(seen.header("ce_source")).isEqualTo("intake-service");
        return EventJson.mapper().readTree(seen.value());
    }

    private JsonNode feedEvent(String unit, String petitionId, String change) throws Exception {
        var seen = probe.await(Topics.unitFeed(unit), r -> petitionId.equals(r.key()) && "wenzheng.unit.case-update.v1".equals(r.header("ce_type"))
                && r.value().contains("\"change\":\"" + change + "\""), WAIT)
                .orElseThrow(() -> new AssertionError("no " + change + " update of " + petitionId + " on " + unit + "'s feed"));
        assertThat(seen.header("ce_subject")).isEqualTo(petitionId);
        return EventJson.mapper().readTree(seen.value());
    }
}
