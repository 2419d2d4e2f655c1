package io.wenzheng.intake.casework;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class CaseworkResourceTest {
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
    void aUnitRespondsAsksTheCitizenReportsProgressAndResolves() {
        String id = routedTo("A3");
        String path = "/api/v1/petitions/" + id;

        post(path + "/progress-reports", Map.of("unitCode", "A3", "message", "处理中")).statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("respond first"));
        post(path + "/responses", Map.of("unitCode", "A-ENV", "message", "收到")).statusCode(409)
                .body("title", equalTo("Not with this unit"));
        post(path + "/responses", Map.of("unitCode", "A3", "message", " ")).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("message")));
        post(path + "/responses", Map.of("unitCode", "A3", "message", "已收到，今晚派人核查")).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("after signing for it"));
        post(path + "/resolution", Map.of("unitCode", "A3", "message", "已处理")).statusCode(409);
        post(path + "/acceptance", Map.of("unitCode", "A3")).statusCode(202).body("status", equalTo("ACCEPTED"));
        post(path + "/responses", Map.of("unitCode", "A3", "message", "已收到，今晚派人核查")).statusCode(202)
                .body("status", equalTo("RESPONDED"));
        post(path + "/responses", Map.of("unitCode", "A3", "message", "again")).statusCode(409);

        post(path + "/questions", Map.of("unitCode", "A3", "message", "请提供具体门牌号")).statusCode(202)
                .body("status", equalTo("AWAITING_CITIZEN"));
        post(path + "/questions", Map.of("unitCode", "A3", "message", "还有")).statusCode(409);
        post(path + "/progress-reports", Map.of("unitCode", "A3", "message", "等待市民补充信息")).statusCode(202)
                .body("status", equalTo("AWAITING_CITIZEN"));
        post(path + "/citizen-replies", Map.of("message", "建设路12号")).statusCode(202).body("status", equalTo("IN_PROGRESS"));
        post(path + "/citizen-replies", Map.of("message", "again")).statusCode(409);
        given().queryParam("open", true).queryParam("size", 500).get("/api/v1/petitions").then().statusCode(200)
                .body("id", hasItems(id));

        post(path + "/resolution", Map.of("unitCode", "A3", "message", "已责令商户整改，复查达标")).statusCode(202)
                .body("status", equalTo("RESOLVED"))
                .body("history.type", hasItems("wenzheng.petition.responded.v1", "wenzheng.petition.awaiting-citizen.v1",
                        "wenzheng.petition.progress-reported.v1", "wenzheng.petition.citizen-replied.v1", "wenzheng.petition.resolved.v1"));
        post(path + "/resolution", Map.of("unitCode", "A3", "message", "again")).statusCode(409);
        post(path + "/hand-back", Map.of("unitCode", "A3", "reason", "too late")).statusCode(409);
        // The inbox asks for the work still to do: a resolved petition is not in it, though the full list has it.
        given().queryParam("open", true).queryParam("size", 500).get("/api/v1/petitions").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItems(id)));
        given().queryParam("size", 500).get("/api/v1/petitions").then().statusCode(200).body("id", hasItems(id));

        List<String> published = List.of("wenzheng.petition.responded.v1", "wenzheng.petition.awaiting-citizen.v1",
                "wenzheng.petition.progress-reported.v1", "wenzheng.petition.citizen-replied.v1", "wenzheng.petition.resolved.v1");
        for (String type : published) {
            var seen = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && type.equals(r.header("ce_type")), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError(type + " not published"));
            assertThat(seen.header("ce_source")).isEqualTo("intake-service");
        }
    }

    @Test
    void anUnsatisfiedCitizenReopensAndTheUnitResolvesAgainThenASatisfiedOneCloses() {
        String id = routedTo("A5");
        String path = "/api/v1/petitions/" + id;
        given().contentType(ContentType.JSON).body(Map.of("rating", 2)).post(path + "/rating").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("only a resolved petition"));
        post(path + "/acceptance", Map.of("unitCode", "A5")).statusCode(202);
        post(path + "/resolution", Map.of("unitCode", "A5", "message", "已清理")).statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("rating", 6)).post(path + "/rating").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("rating", 5, "reopen", true)).post(path + "/rating").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("unsatisfied"));

        String code = given().get(path).then().extract().jsonPath().getString("trackingCode");
        given().contentType(ContentType.JSON).body(Map.of("rating", 2, "comment", "只清理了一半", "reopen", true))
                .post("/api/v1/track/" + code + "/rating").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        post(path + "/resolution", Map.of("unitCode", "A5", "message", "已全部清理")).statusCode(202).body("status", equalTo("RESOLVED"));
        given().contentType(ContentType.JSON).body(Map.of("rating", 5)).post(path + "/rating").then().statusCode(202)
                .body("status", equalTo("CLOSED"));
        given().contentType(ContentType.JSON).body(Map.of("rating", 4)).post(path + "/rating").then().statusCode(409);

        var rated = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.rated.v1".equals(r.header("ce_type"))
                && r.value().contains("\"rating\":2"), Duration.ofSeconds(60)).orElseThrow();
        assertThat(rated.value()).contains("只清理了一半");
        probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.reopened.v1".equals(r.header("ce_type")), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("reopened not published"));
    }

    @Test
    void aUnitSignsForAPetitionOnceThenAnswersItAndMergedOrRejectedOnesEnd() {
        String id = routedTo("A3");
        String path = "/api/v1/petitions/" + id;
        post(path + "/acceptance", Map.of("unitCode", "A-ENV")).statusCode(409).body("title", equalTo("Not with this unit"));
        post(path + "/acceptance", Map.of()).statusCode(400).contentType("application/problem+json");
        post(path + "/acceptance", Map.of("unitCode", "A3")).statusCode(202).body("status", equalTo("ACCEPTED"));
        post(path + "/acceptance", Map.of("unitCode", "A3")).statusCode(409).body("detail", org.hamcrest.Matchers.containsString("sign for"));
        var accepted = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.accepted.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("accepted not published"));
        assertThat(accepted.value()).contains("\"unitCode\":\"A3\"");
        post(path + "/responses", Map.of("unitCode", "A3", "message", "已签收，正在核查")).statusCode(202).body("status", equalTo("RESPONDED"));

        // Routing ends a triage case by merging or rejecting it; intake's record follows, and no unit can act on it.
        String rejected = given().contentType(ContentType.JSON).body(Map.of("channel", "WEB", "text", "代办各类证件，加微信"))
                .post("/api/v1/petitions").then().statusCode(201).extract().jsonPath().getString("id");
        probe.publish(new io.wenzheng.contracts.PetitionRejected(rejected, io.wenzheng.contracts.PetitionRejected.RejectionReason.SPAM,
                "广告", Instant.now()), "routing-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/petitions/" + rejected).then()
                .body("status", equalTo("REJECTED")).body("history.type", org.hamcrest.Matchers.hasItem("wenzheng.petition.rejected.v1")));
        post("/api/v1/petitions/" + rejected + "/resolution", Map.of("unitCode", "A3", "message", "m")).statusCode(409);
        given().queryParam("status", "REJECTED").get("/api/v1/petitions").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(rejected));
    }

    @Test
    void replyTemplatesAreSharedOrAUnitsOwn() {
        List<Map<String, Object>> shared = given().get("/api/v1/reply-templates").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(shared).extracting(t -> t.get("kind")).contains("RESPONSE", "PROGRESS", "QUESTION", "RESOLUTION");
        assertThat(shared).allSatisfy(t -> assertThat(t.get("body").toString()).isNotBlank());
        int id = given().contentType(ContentType.JSON)
                .body(Map.of("unitCode", "A3", "kind", "RESOLUTION", "title", "噪音已整改", "body", "经{unitName}复查，噪音已达标。"))
                .post("/api/v1/reply-templates").then().statusCode(201).body("unitCode", equalTo("A3")).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("unitCode", "A3", "kind", "NONSENSE", "title", "t", "body", "b"))
                .post("/api/v1/reply-templates").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/reply-templates").then().body("id", org.hamcrest.Matchers.hasItem(id));
        given().delete("/api/v1/reply-templates/" + id).then().statusCode(204);
        given().delete("/api/v1/reply-templates/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownPetitionsAndMalformedIdsAreNotFound() {
        post("/api/v1/petitions/01JDQ8Z6X0ABCDEFGHJKMNPQRS/responses", Map.of("unitCode", "A3", "message", "m")).statusCode(404)
                .contentType("application/problem+json");
        post("/api/v1/petitions/not-an-id/resolution", Map.of("unitCode", "A3", "message", "m")).statusCode(404);
        given().contentType(ContentType.JSON).body("{").post("/api/v1/petitions/01JDQ8Z6X0ABCDEFGHJKMNPQRS/responses")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private String routedTo(String unit) {
        String id = given().contentType(ContentType.JSON).body(Map.of("channel", "WEB", "text", "楼下餐馆油烟扰民"))
                .post("/api/v1/petitions").then().statusCode(201).extract().jsonPath().getString("id");
        probe.publish(new PetitionRouted(id, "环境保护", unit, unit + "区人民政府", 0.9, "test", Instant.now(), null, null, null), "routing-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/petitions/" + id).then()
                .body("status", equalTo("ROUTED")));
        return id;
    }

    private static io.restassured.response.ValidatableResponse post(String path, Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }
}
