package io.wenzheng.intake.channel.open311;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import io.wenzheng.intake.channel.SafeXml;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** GeoReport v2, field for field, in JSON and XML. */
@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class Open311ResourceTest {

    @Test
    void theServiceListAndDiscoveryInBothFormats() {
        given().get("/open311/v2/services.json").then().statusCode(200).contentType("application/json")
                .body("$", hasSize(7)).body("service_code", hasItem("environment"))
                .body("find { it.service_code == 'environment' }.service_name", equalTo("环境保护"))
                .body("find { it.service_code == 'environment' }.metadata", equalTo(false))
                .body("find { it.service_code == 'environment' }.type", equalTo("realtime"));
        String xml = given().get("/open311/v2/services.xml").then().statusCode(200).contentType("text/xml").extract().asString();
        assertThat(xml).startsWith("<?xml").contains("<services><service><service_code>urban-rural-construction</service_code>")
                .contains("<metadata>false</metadata>");
        given().get("/open311/v2/services/transport.json").then().statusCode(200).body("service_code", equalTo("transport"));
        given().get("/open311/v2/services/nothing.json").then().statusCode(404).body("[0].code", equalTo(404));
        given().get("/open311/v2/discovery.json").then().statusCode(200).body("endpoints[0].formats", hasItem("text/xml"));
        given().get("/open311/v2/discovery.xml").then().statusCode(200);
    }

    @Test
    void aPostedRequestIsAPetitionWithTheServiceAsCategoryAndReadsBackInBothFormats() {
        // Letters only: a random id can hold a run of digits that reads as a phone number, which intake redacts.
        String text = "西夏区文昌路的下水道井盖丢失 " + UUID.randomUUID().toString().replaceAll("[0-9]", "x");
        JsonPath created = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(Map.of("api_key", "wenzheng-demo-key", "service_code", "urban-rural-construction", "lat", "38.4950",
                        "long", "106.1500", "description", text, "first_name", "明", "last_name", "王", "phone", "13995100000",
                        "email", "wang@example.com"))
                .post("/open311/v2/requests.json").then().statusCode(201).contentType("application/json").extract().jsonPath();
        String id = created.getString("[0].service_request_id");
        String token = created.getString("[0].token");
        assertThat(created.getString("[0].service_notice")).contains(token);

        try (EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            var received = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()), Duration.ofSeconds(60)).orElseThrow();
            assertThat(received.value()).contains("\"channel\":\"OPEN311\"").contains("\"categoryHint\":\"城乡建设\"")
                    .doesNotContain("13995100000").doesNotContain("王");
        }
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(id)).body("[0].status", equalTo("open"))
                .body("[0].description", equalTo(text)).body("[0].lat", equalTo(38.495f)).body("[0].long", equalTo(106.15f))
                .body("[0].requested_datetime", org.hamcrest.Matchers.endsWith("+08:00"));
        String xml = given().get("/open311/v2/requests/" + id + ".xml").then().statusCode(200).extract().asString();
        Map<String, String> request = SafeXml.fields(xml.replace("<service_requests>", "").replace("</service_requests>", "")
                .getBytes(StandardCharsets.UTF_8), 65536);
        assertThat(request).containsEntry("service_request_id", id).containsEntry("status", "open").containsKey("expected_datetime");
        given().get("/open311/v2/tokens/" + token + ".json").then().statusCode(200).body("[0].service_request_id", equalTo(id));
        given().queryParam("service_request_id", id + ",01JDQ8Z6X0ABCDEFGHJKMNPQRS").get("/open311/v2/requests.json").then()
                .statusCode(200).body("$", hasSize(1));
        given().queryParam("status", "open").get("/open311/v2/requests.json").then().statusCode(200).body("service_request_id", hasItem(id));
        given().queryParam("status", "closed").get("/open311/v2/requests.json").then().statusCode(200)
                .body("service_request_id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void errorsUseTheSpecsArrayFormatAndStoreNothing() {
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(Map.of("service_code", "environment", "description", "x", "lat", "1", "long", "1"))
                .post("/open311/v2/requests.json").then().statusCode(403).body("[0].code", equalTo(403));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(Map.of("api_key", "wrong", "service_code", "environment"))
                .post("/open311/v2/requests.xml").then().statusCode(403).contentType("text/xml")
                .body(org.hamcrest.Matchers.containsString("<errors><error><code>403</code>"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(Map.of("api_key", "wenzheng-demo-key", "service_code", "nope",
                "description", "x", "lat", "1", "long", "1")).post("/open311/v2/requests.json").then().statusCode(400).body("[0].code", equalTo(400));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(Map.of("api_key", "wenzheng-demo-key", "service_code", "environment",
                "description", "没有位置")).post("/open311/v2/requests.json").then().statusCode(400);
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(Map.of("api_key", "wenzheng-demo-key", "service_code", "environment",
                "description", "x", "lat", "200", "long", "1")).post("/open311/v2/requests.json").then().statusCode(400);
        given().queryParam("start_date", "yesterday").get("/open311/v2/requests.json").then().statusCode(400).body("[0].code", equalTo(400));
        given().queryParam("status", "pending").get("/open311/v2/requests.xml").then().statusCode(400);
        given().get("/open311/v2/requests/01JDQ8Z6X0ABCDEFGHJKMNPQRS.json").then().statusCode(404).body("[0].code", equalTo(404));
        given().get("/open311/v2/tokens/ZZZZZZZZ.xml").then().statusCode(404);
    }
}
