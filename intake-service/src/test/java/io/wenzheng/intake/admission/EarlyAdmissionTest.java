package io.wenzheng.intake.admission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.wenzheng.devstack.testing.DevStackTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With every place of the admission gate taken, a filing is refused on arrival: before its token, its signature or
 * its body is looked at, in the caller's protocol. Everything that is not a filing passes.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class EarlyAdmissionTest {
    @Inject
    AdmissionGate gate;
    @Inject
    MeterRegistry registry;

    private final List<AdmissionGate.Ticket> held = new ArrayList<>();

    @AfterEach
    void giveBackThePlaces() {
        held.forEach(AdmissionGate.Ticket::release);
        held.clear();
    }

    @Test
    void aFilingBeyondTheLimitIsRefusedBeforeItsTokenIsChecked() {
        given().contentType("application/json").body("{\"channel\":\"WEB\",\"text\":\"x\"}")
                .post("/api/v1/petitions").then().statusCode(401);
        double shedBefore = shedOnArrival();
        fillTheGate();
        given().contentType("application/json").body("{\"channel\":\"WEB\",\"text\":\"x\"}")
                .post("/api/v1/petitions").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1").body("title", equalTo("Service busy")).body("detail", containsString("nothing was stored"));
        assertThat(shedOnArrival() - shedBefore).isEqualTo(1);
    }

    @Test
    void aPlatformPushBeyondTheLimitIsRefusedBeforeItsSignatureIsChecked() {
        Map<String, String> badlySigned = Map.of("signature", "0".repeat(40), "timestamp", String.valueOf(Instant.now().getEpochSecond()),
                "nonce", "early-" + System.nanoTime());
        String xml = "<xml><ToUserName><![CDATA[gh_demo]]></ToUserName></xml>";
        given().queryParams(badlySigned).contentType("text/xml").body(xml).post("/channels/wechat/demo").then().statusCode(403);
        fillTheGate();
        given().queryParams(badlySigned).contentType("text/xml").body(xml).post("/channels/wechat/demo").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "1");
        // The platform's URL check is not a filing.
        given().queryParams(Map.of("signature", "0".repeat(40), "timestamp", "1", "nonce", "n", "echostr", "e"))
                .get("/channels/wechat/demo").then().statusCode(403);
    }

    @Test
    void anOpen311CallerIsRefusedInTheGeoReportErrorFormat() {
        fillTheGate();
        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("api_key", "wenzheng-demo-key"))
                .post("/open311/v2/requests.json").then().statusCode(503).header("Retry-After", "1")
                .body("[0].code", equalTo(503)).body("[0].description", containsString("nothing was stored"));
        String xml = given().contentType("application/x-www-form-urlencoded").formParams(Map.of("api_key", "wenzheng-demo-key"))
                .post("/open311/v2/requests.xml").then().statusCode(503).contentType("text/xml").extract().asString();
        assertThat(xml).contains("<code>503</code>");
        // Reading is not a filing.
        given().get("/open311/v2/services.json").then().statusCode(200);
    }

    @Test
    void thePlacesComeBackWhenTheAnswersEnd() {
        int before = gate.inProcess();
        for (int i = 0; i < 5; i++) {
            given().contentType("application/json").body("{}").post("/api/v1/petitions").then().statusCode(401);
        }
        given().queryParams(Map.of("signature", "0".repeat(40), "timestamp", "1", "nonce", "n")).contentType("text/xml")
                .body("<xml/>").post("/channels/wechat/demo").then().statusCode(403);
        // The end handlers run once the answer is written, which may be just after the client has read it.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(gate.inProcess()).as("places held after every answer ended").isEqualTo(before));
    }

    private void fillTheGate() {
        AdmissionGate.Ticket ticket;
        while ((ticket = gate.tryEnter()) != null) {
            held.add(ticket);
        }
        assertThat(gate.inProcess()).isEqualTo(gate.limit());
    }

    private double shedOnArrival() {
        var counter = registry.find("wenzheng.intake.shed").tag("stage", "arrival").counter();
        return counter == null ? 0 : counter.count();
    }
}
