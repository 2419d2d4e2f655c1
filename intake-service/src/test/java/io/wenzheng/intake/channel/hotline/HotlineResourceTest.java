package io.wenzheng.intake.channel.hotline;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class HotlineResourceTest {

    @Test
    void anOperatorFilesACallOnceWithTheCallersNumberSealedAndTheCategoryHintPassedOn() {
        String transcript = "来电反映贺兰县习岗镇供暖不热 " + UUID.randomUUID();
        String callId = "call-" + UUID.randomUUID();
        Map<String, String> call = Map.of("callerNumber", "+86 139 0951 1234", "callerName", "马先生", "transcript", transcript,
                "categoryHint", "城乡建设", "callId", callId, "address", "贺兰县习岗镇");
        String id = given().contentType(ContentType.JSON).body(call).post("/api/v1/hotline-calls").then().statusCode(201)
                .extract().path("id");
        given().contentType(ContentType.JSON).body(call).post("/api/v1/hotline-calls").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/petitions/" + id))
                .body("id", org.hamcrest.Matchers.equalTo(id));
        try (EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            var received = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()), Duration.ofSeconds(60)).orElseThrow();
            assertThat(received.value()).contains("\"channel\":\"HOTLINE\"").contains("\"categoryHint\":\"城乡建设\"")
                    .contains("\"citizenRef\":\"c-").doesNotContain("1234").doesNotContain("马先生");
            assertThat(probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(3)).stream().filter(r -> r.value().contains(transcript)))
                    .as("filing the same call twice files one petition").hasSize(1);
        }
        given().get("/api/v1/petitions/" + id).then().statusCode(200).body("history.type", hasItem("wenzheng.petition.received.v1"));
    }

    @Test
    void aCallWithoutANumberOrTranscriptIsAProblem() {
        given().contentType(ContentType.JSON).body(Map.of("callerNumber", "not a number", "transcript", "x"))
                .post("/api/v1/hotline-calls").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("callerNumber", "13909511234", "transcript", " "))
                .post("/api/v1/hotline-calls").then().statusCode(400);
    }
}
