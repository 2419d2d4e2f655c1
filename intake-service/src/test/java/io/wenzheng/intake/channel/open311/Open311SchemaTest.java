package io.wenzheng.intake.channel.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.wenzheng.devstack.testing.DevStackTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every Open311 JSON response against the GeoReport v2 schemas in src/test/resources/open311 (strict: a field the
 * specification does not name fails), including a request with a picture, its token and the spec's errors.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class Open311SchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry FACTORY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    @Test
    void everyResponseFollowsGeoReportV2FieldForField() throws Exception {
        assertValid("discovery", given().get("/open311/v2/discovery.json").then().statusCode(200).extract().asString());
        String services = given().get("/open311/v2/services.json").then().statusCode(200).extract().asString();
        assertValid("services", services);
        for (JsonNode service : JSON.readTree(services)) {
            assertValid("service-definition", given().get("/open311/v2/services/" + service.path("service_code").asText() + ".json")
                    .then().statusCode(200).extract().asString());
        }

        String picture = "https://img.example.gov.cn/open311/" + UUID.randomUUID() + ".jpg";
        String created = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(Map.of("api_key", "wenzheng-demo-key", "service_code", "urban-rural-construction",
                        "address_string", "银川市金凤区北京中路 " + UUID.randomUUID(), "description", "路面塌陷一处", "media_url", picture))
                .post("/open311/v2/requests.json").then().statusCode(201).extract().asString();
        assertValid("request-created", created);
        String id = JSON.readTree(created).path(0).path("service_request_id").asText();
        String token = JSON.readTree(created).path(0).path("token").asText();

        String one = given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200).extract().asString();
        assertValid("requests", one);
        assertThat(JSON.readTree(one).path(0).path("media_url").asText()).isEqualTo(picture);
        assertValid("requests", given().get("/open311/v2/requests.json").then().statusCode(200).extract().asString());
        assertValid("token", given().get("/open311/v2/tokens/" + token + ".json").then().statusCode(200).extract().asString());

        assertValid("errors", given().get("/open311/v2/requests/01JDQ8Z6X0ABCDEFGHJKMNPQRS.json").then().statusCode(404).extract().asString());
        assertValid("errors", given().contentType("application/x-www-form-urlencoded").formParams(Map.of("service_code", "x",
                "description", "x", "lat", "1", "long", "1")).post("/open311/v2/requests.json").then().statusCode(403).extract().asString());
        assertValid("errors", given().contentType("application/x-www-form-urlencoded").formParams(Map.of("api_key", "wenzheng-demo-key",
                        "service_code", "urban-rural-construction", "description", "x", "lat", "1", "long", "1", "media_url", "javascript:alert(1)"))
                .post("/open311/v2/requests.json").then().statusCode(400).extract().asString());
    }

    @Test
    void theSchemasRejectWhatTheSpecificationDoesNotAllow() throws Exception {
        assertThat(schema("requests").validate(JSON.readTree("[{\"service_request_id\":\"1\",\"status\":\"pending\"}]"))).isNotEmpty();
        assertThat(schema("errors").validate(JSON.readTree("[{\"code\":\"400\",\"description\":\"x\"}]"))).isNotEmpty();
        assertThat(schema("services").validate(JSON.readTree("[{\"service_code\":\"a\",\"service_name\":\"b\",\"description\":null,"
                + "\"metadata\":false,\"type\":\"realtime\",\"keywords\":null,\"group\":null,\"extra\":1}]"))).isNotEmpty();
    }

    private static void assertValid(String name, String body) throws Exception {
        assertThat(schema(name).validate(JSON.readTree(body))).as(name + ": " + body).isEmpty();
    }

    private static Schema schema(String name) throws Exception {
        return FACTORY.getSchema(Files.readString(Path.of("src/test/resources/open311", name + ".schema.json")));
    }
}
