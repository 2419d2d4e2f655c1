package io.wenzheng.intake.unitfeed.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.options;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Units without Kafka: their feed pushed to an endpoint of theirs, played here by WireMock as a department's server
 * would answer. Signed, in order per petition, retried, parked and replayed, and a slow unit never holds up another.
 */
@QuarkusTest
@TestSecurity(user = "admin1", roles = {"operator", "admin", "unit-staff"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class WebhookPushTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static WireMockServer department;
    private EventProbe probe;

    @BeforeAll
    static void startEndpoint() {
        department = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        department.start();
    }

    @AfterAll
    static void stopEndpoint() {
        department.stop();
    }

    @BeforeEach
    void setUp() {
        department.resetAll();
        // The CloudEvents webhook handshake, as a receiver that accepts any origin answers it.
        department.stubFor(options(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("WebHook-Allowed-Origin", "*")));
        probe = new EventProbe(org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void anEndpointThatDoesNotConfirmIsNotRegisteredAndBadURLsAreNamed() {
        department.stubFor(options(urlEqualTo("/refuses")).willReturn(aResponse().withStatus(404)));
        given().contentType(ContentType.JSON).body(Map.of("url", url("/refuses"))).put("/api/v1/admin/units/A5/webhook")
                .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("url"));
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.org/x")).put("/api/v1/admin/units/A5/webhook")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("url", "http://user:pw@127.0.0.1/x")).put("/api/v1/admin/units/A5/webhook")
                .then().statusCode(400);
        given().get("/api/v1/admin/units/A5/webhook").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("status", "LOST").get("/api/v1/admin/units/A5/webhook/deliveries").then().statusCode(400);
    }

    @Test
    void theFeedIsPushedSignedInOrderPerPetitionAndSurvivesARotation() throws Exception {
        department.stubFor(post(urlEqualTo("/a3")).willReturn(aResponse().withStatus(204)));
        String secret = given().contentType(ContentType.JSON).body(Map.of("url", url("/a3"))).put("/api/v1/admin/units/A3/webhook")
                .then().statusCode(200).body("secret", startsWith("whsec_")).extract().path("secret");
        given().get("/api/v1/admin/units/A3/webhook").then().statusCode(200).body("url", equalTo(url("/a3")))
                .body("secret", org.hamcrest.Matchers.nullValue());

        String id = routed("A3", "楼下烧烤店油烟扰民");
        given().contentType(ContentType.JSON).body(Map.of("unitCode", "A3")).post("/api/v1/petitions/" + id + "/acceptance").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("unitCode", "A3", "message", "已责令店家安装油烟净化器"))
                .post("/api/v1/petitions/" + id + "/resolution").then().statusCode(202);

        List<LoggedRequest> pushes = awaitPushes("/a3", id, 3);
        assertThat(pushes).extracting(r -> json(r).path("data").path("change").asText())
                .as("in the order they happened").containsExactly("ROUTED", "SIGNED_FOR", "RESOLVED");
        for (LoggedRequest push : pushes) {
            assertThat(push.getHeader("content-type")).startsWith("application/cloudevents+json");
            JsonNode event = json(push);
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("type").asText()).isEqualTo("wenzheng.unit.case-update.v1");
            assertThat(event.path("subject").asText()).isEqualTo(id);
            assertThat(push.getHeader(WebhookSignature.ID)).isEqualTo(event.path("id").asText());
            assertThat(WebhookSignature.verify(secret, push.getHeader(WebhookSignature.ID), Long.parseLong(push.getHeader(WebhookSignature.TIMESTAMP)),
                    push.getBodyAsString(), push.getHeader(WebhookSignature.SIGNATURE))).as("signed with the unit's secret").isTrue();
            assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), push.getHeader(WebhookSignature.ID),
                    Long.parseLong(push.getHeader(WebhookSignature.TIMESTAMP)), push.getBodyAsString(), push.getHeader(WebhookSignature.SIGNATURE)))
                    .as("and not with any other").isFalse();
        }

        String rotated = given().post("/api/v1/admin/units/A3/webhook/secret-rotations").then().statusCode(200)
                .body("previousSecretValidUntil", org.hamcrest.Matchers.notNullValue()).extract().path("secret");
        assertThat(rotated).isNotEqualTo(secret);
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().queryParam("target", "A3").get("/api/v1/admin/audit").then().statusCode(200)
                .extract().jsonPath().getList("action", String.class))
                .as("registering and rotating are audited against the unit")
                .contains("PUT /api/v1/admin/units/A3/webhook", "POST /api/v1/admin/units/A3/webhook/secret-rotations"));
        String next = routed("A3", "路边井盖缺失");
        LoggedRequest afterRotation = awaitPushes("/a3", next, 1).get(0);
        for (String s : List.of(secret, rotated)) {
            assertThat(WebhookSignature.verify(s, afterRotation.getHeader(WebhookSignature.ID), Long.parseLong(afterRotation.getHeader(WebhookSignature.TIMESTAMP)),
                    afterRotation.getBodyAsString(), afterRotation.getHeader(WebhookSignature.SIGNATURE))).as("during the overlap both secrets verify").isTrue();
        }
        given().delete("/api/v1/admin/units/A3/webhook").then().statusCode(204);
    }

    @Test
    void aFailingEndpointIsRetriedThenParkedAndAReplayDeliversInOrder() throws Exception {
        department.stubFor(post(urlEqualTo("/a-env")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        department.stubFor(post(urlEqualTo("/a-env")).inScenario("flaky").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
        given().contentType(ContentType.JSON).body(Map.of("url", url("/a-env"))).put("/api/v1/admin/units/A-ENV/webhook").then().statusCode(200);
        String retried = routed("A-ENV", "河道有人偷排污水");
        await().atMost(WAIT).untilAsserted(() -> assertThat(department.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/a-env"))).stream()
                .filter(r -> json(r).path("subject").asText().equals(retried)).count()).as("503, then delivered").isEqualTo(2));
        given().get("/api/v1/admin/units/A-ENV/webhook").then().body("parked", equalTo(0));

        // Down for good: three attempts, then parked, with what the endpoint said.
        department.stubFor(post(urlEqualTo("/a-env")).atPriority(1).willReturn(aResponse().withStatus(500)));
        String parked = routed("A-ENV", "化工厂夜间排放刺鼻气体");
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/admin/units/A-ENV/webhook/deliveries").then().statusCode(200)
                .body("petitionId", org.hamcrest.Matchers.hasItem(parked))
                .body("find { it.petitionId == '" + parked + "' }.attempts", equalTo(3))
                .body("find { it.petitionId == '" + parked + "' }.lastStatus", equalTo(500)));
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .as("the on-call sees the parked push").containsPattern("wenzheng_webhook_pushes_total\\{[^}]*outcome=\"parked\"[^}]*unit=\"A-ENV\"");
        await().atMost(WAIT).untilAsserted(() -> assertThat(parkedGauge()).as("the alert's gauge counts it").isGreaterThanOrEqualTo(1));

        department.removeStub(department.getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() == 1).findFirst().orElseThrow());
        department.stubFor(post(urlEqualTo("/a-env")).atPriority(1).willReturn(aResponse().withStatus(200)));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/admin/units/A-ENV/webhook/deliveries/replays").then().statusCode(200)
                .body("replayed", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/admin/units/A-ENV/webhook").then().body("parked", equalTo(0)).body("pending", equalTo(0)));
        assertThat(awaitPushes("/a-env", parked, 4).stream().map(r -> json(r).path("data").path("change").asText()).toList())
                .as("three failures, then the replay").containsExactly("ROUTED", "ROUTED", "ROUTED", "ROUTED");
        given().delete("/api/v1/admin/units/A-ENV/webhook").then().statusCode(204);
    }

    @Test
    void aSlowEndpointHoldsUpOnlyItsOwnUnit() throws Exception {
        department.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(6_000)));
        department.stubFor(post(urlEqualTo("/fast")).willReturn(aResponse().withStatus(200)));
        given().contentType(ContentType.JSON).body(Map.of("url", url("/slow"))).put("/api/v1/admin/units/A1/webhook").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("url", url("/fast"))).put("/api/v1/admin/units/A2/webhook").then().statusCode(200);
        for (int i = 0; i < 6; i++) {
            routed("A1", "慢单位的第" + i + "件");
        }
        Instant start = Instant.now();
        String fast = routed("A2", "快单位的这一件");
        awaitPushes("/fast", fast, 1);
        Duration took = Duration.between(start, Instant.now());
        System.out.printf("webhooks: A2's push arrived %d ms after routing while A1's endpoint took 6 s per request%n", took.toMillis());
        assertThat(took).as("A1's endpoint times out after 2 s per push; A2 does not wait for it").isLessThan(Duration.ofMillis(1900));
        given().delete("/api/v1/admin/units/A1/webhook").then().statusCode(204);
        given().delete("/api/v1/admin/units/A2/webhook").then().statusCode(204);

        // A1's endpoint is removed with pushes still waiting: they are parked, and an administrator may forget them.
        int waiting = given().get("/api/v1/admin/units/A1/webhook/deliveries?status=PARKED").then().statusCode(200).extract().jsonPath().getList("$").size();
        assertThat(waiting).as("six slow pushes cannot all have gone out in a 2 s timeout each").isGreaterThan(0);
        given().delete("/api/v1/admin/units/A1/webhook/deliveries").then().statusCode(200).body("forgotten", equalTo(waiting));
        given().get("/api/v1/admin/units/A1/webhook/deliveries?status=PARKED").then().statusCode(200).body("size()", equalTo(0));
    }

    private static long parkedGauge() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("wenzheng_webhook_pushes_parked"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private String routed(String unit, String text) {
        String id = given().contentType(ContentType.JSON).body(Map.of("channel", "WEB", "text", text))
                .post("/api/v1/petitions").then().statusCode(201).extract().jsonPath().getString("id");
        probe.publish(new PetitionRouted(id, "环境保护", unit, unit + "单位", 0.9, "test", Instant.now(), null, null, null), "routing-service");
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/petitions/" + id).then().body("status", equalTo("ROUTED")));
        return id;
    }

    private static List<LoggedRequest> awaitPushes(String path, String petitionId, int count) {
        return await().atMost(WAIT).until(() -> department.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(path)))
                .stream().filter(r -> json(r).path("subject").asText().equals(petitionId)).toList(), list -> list.size() >= count);
    }

    private static JsonNode json(LoggedRequest r) {
        try {
            return EventJson.mapper().readTree(r.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.getBodyAsString(), e);
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + department.port() + path;
    }
}
