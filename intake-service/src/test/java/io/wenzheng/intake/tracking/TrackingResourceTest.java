package io.wenzheng.intake.tracking;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class TrackingResourceTest {

    @Test
    void theCitizenSeesStatusUnitAndPublicRepliesButNoContactData() {
        var receipt = given().contentType(ContentType.JSON)
                .body("{\"channel\":\"WEB\",\"text\":\"小区垃圾无人清运\",\"contact\":{\"name\":\"李女士\",\"phone\":\"13995112345\"}}")
                .post("/api/v1/petitions").then().statusCode(201).extract().jsonPath();
        String id = receipt.getString("id");
        String code = receipt.getString("trackingCode");
        given().get("/api/v1/track/" + code.toLowerCase()).then().statusCode(200).body("status", equalTo("RECEIVED"));

        try (EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            probe.publish(new PetitionRouted(id, "城乡建设", "A3", "A3区人民政府", 0.9, "test", Instant.now(), null, null, null), "routing-service");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/track/" + code).then().body("status", equalTo("ROUTED")));
        given().contentType(ContentType.JSON).body(Map.of("unitCode", "A3")).post("/api/v1/petitions/" + id + "/acceptance").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("unitCode", "A3", "message", "已安排环卫今日清运"))
                .post("/api/v1/petitions/" + id + "/responses").then().statusCode(202);

        String body = given().get("/api/v1/track/" + code).then().statusCode(200)
                .body("unit", equalTo("A3区人民政府")).body("replies[0].kind", equalTo("RESPONSE"))
                .body("replies[0].text", equalTo("已安排环卫今日清运")).extract().asString();
        assertThat(body).doesNotContain("13995112345").doesNotContain("李女士").doesNotContain(id);
    }

    @Test
    void unknownAndMalformedCodesAreNotFoundAndFloodsAreLimited() throws Exception {
        given().get("/api/v1/track/ZZZZZZZZ").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/track/not-a-code").then().statusCode(404);
        // Thirty-two lookups at a time: more than 50 arrive within a second however slowly a busy build machine answers
        // each one (one at a time, 300 took 8 s on a loaded machine and none was refused).
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(32);
        java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 320; i++) {
                statuses.add(clients.submit(() -> given().get("/api/v1/track/ZZZZZZZZ").statusCode()));
            }
            int limited = 0;
            for (var status : statuses) {
                int code = status.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(code).isIn(404, 429);
                limited += code == 429 ? 1 : 0;
            }
            assertThat(limited).as("lookups beyond 50 a second are refused").isPositive();
        } finally {
            clients.shutdownNow();
        }
        Thread.sleep(1100); // the next test's lookups start in a fresh window
        given().get("/api/v1/track/ZZZZZZZZ").then().statusCode(404);
    }
}
