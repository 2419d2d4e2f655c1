package io.wenzheng.intake.petition;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class PetitionResourceTest {

    @Test
    void acceptsAPetitionAndPublishesItThroughTheOutbox() {
        String body = """
                {"channel":"WEIBO","subject":"夜间施工","text":"A3区某工地夜间施工噪音扰民",
                 "location":{"address":"A市A3区桐梓坡西路","latitude":28.21,"longitude":112.9},
                 "contact":{"name":"张三","phone":"13800138000"}}""";
        var created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/petitions")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/petitions/"))
                .body("id", matchesPattern("[0-9A-HJKMNP-TV-Z]{26}"))
                .body("trackingCode", matchesPattern("[0-9A-HJKMNP-TV-Z]{8}"))
                .body("status", equalTo("RECEIVED"))
                .extract().jsonPath();
        String id = created.getString("id");
        // People name a petition by its tracking code, in whatever case they typed it.
        given().queryParam("trackingCode", created.getString("trackingCode").toLowerCase()).get("/api/v1/petitions")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.contains(id)).body("title", org.hamcrest.Matchers.contains("夜间施工"));
        given().queryParam("trackingCode", "NOSUCH00").get("/api/v1/petitions").then().statusCode(200).body("$", hasSize(0));

        String eventId = given().when().get("/api/v1/petitions/" + id)
                .then().statusCode(200)
                .body("channel", equalTo("WEIBO"))
                .body("subject", equalTo("夜间施工"))
                .body("title", equalTo("夜间施工"))
                .body("history", hasSize(1))
                .body("history[0].type", equalTo("wenzheng.petition.received.v1"))
                .body("history[0].data.location.address", equalTo("A市A3区桐梓坡西路"))
                .extract().jsonPath().getString("history[0].id");

        try (EventProbe probe = new EventProbe(bootstrap())) {
            var record = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()), Duration.ofSeconds(60)).orElseThrow();
            assertThat(record.header("ce_id")).isEqualTo(eventId);
            assertThat(record.header("ce_type")).isEqualTo("wenzheng.petition.received.v1");
            assertThat(record.header("ce_source")).isEqualTo("intake-service");
            assertThat(record.header("ce_subject")).isEqualTo(id);
            assertThat(record.header("ce_specversion")).isEqualTo("1.0");
            assertThat(record.value()).contains("\"citizenRef\":\"c-").doesNotContain("13800138000").doesNotContain("张三");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing channel       | {\"text\":\"噪音\"}                                                  | channel",
            "unknown channel       | {\"channel\":\"FAX\",\"text\":\"噪音\"}                              | channel",
            "blank text            | {\"channel\":\"WEB\",\"text\":\"  \"}                                | text",
            "text of wrong type    | {\"channel\":\"WEB\",\"text\":[1]}                                   | text",
            "half coordinates      | {\"channel\":\"WEB\",\"text\":\"噪音\",\"location\":{\"latitude\":28}} | location",
            "latitude out of range | {\"channel\":\"WEB\",\"text\":\"噪音\",\"location\":{\"latitude\":91,\"longitude\":1}} | location.latitude",
            "bad phone             | {\"channel\":\"WEB\",\"text\":\"噪音\",\"contact\":{\"phone\":\"call me\"}} | contact.phone",
    })
    void badInputIsAProblemNamingTheField(String name, String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/petitions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItem(matchesPattern(java.util.regex.Pattern.quote(field) + ".*")));
    }

    @Test
    void picturesAreKeptWithThePetitionAndBadOnesRefused() {
        String picture = "https://img.example.gov.cn/" + java.util.UUID.randomUUID() + ".jpg";
        String id = given().contentType(ContentType.JSON)
                .body(java.util.Map.of("channel", "WEB", "text", "人行道地砖松动", "attachments", java.util.List.of(picture)))
                .post("/api/v1/petitions").then().statusCode(201).extract().path("id");
        given().get("/api/v1/petitions/" + id).then().statusCode(200)
                .body("attachments", org.hamcrest.Matchers.contains(picture));
        given().contentType(ContentType.JSON)
                .body(java.util.Map.of("channel", "WEB", "text", "x", "attachments", java.util.List.of("javascript:alert(1)")))
                .post("/api/v1/petitions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("attachments")));
        given().contentType(ContentType.JSON)
                .body(java.util.Map.of("channel", "WEB", "text", "x", "attachments", java.util.Collections.nCopies(10, picture)))
                .post("/api/v1/petitions").then().statusCode(400);
    }

    @Test
    void malformedJsonIsAProblemNotAServerError() {
        given().contentType(ContentType.JSON).body("{\"channel\":")
                .when().post("/api/v1/petitions")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/petitions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstPetition() {
        String key = "retry-" + java.util.UUID.randomUUID();
        String body = "{\"channel\":\"WEB\",\"text\":\"井盖丢失，很危险\"}";
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/petitions").then().statusCode(201).extract().path("id");
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/petitions").then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
        String other = given().contentType(ContentType.JSON).header("Idempotency-Key", key + "-2").body(body)
                .post("/api/v1/petitions").then().statusCode(201).extract().path("id");
        assertThat(other).isNotEqualTo(first);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "x".repeat(101)).body(body)
                .post("/api/v1/petitions").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("Idempotency-Key"));
    }

    @Test
    void unknownPetitionIsNotFound() {
        given().when().get("/api/v1/petitions/01JDQ8Z6X0ABCDEFGHJKMNPQRS")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().when().get("/api/v1/petitions/not-an-id")
                .then().statusCode(404).contentType("application/problem+json");
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void aBadQueryParameterIsA400NamingIt() {
        given().queryParam("size", "abc").get("/api/v1/petitions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("size"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("must be a whole number, was 'abc'"));
        given().queryParam("status", "SHINY").get("/api/v1/petitions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("status"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("must be one of RECEIVED"));
        given().queryParam("size", "0").get("/api/v1/petitions").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("status", "ROUTED").queryParam("size", "5").get("/api/v1/petitions").then().statusCode(200);
    }
}
