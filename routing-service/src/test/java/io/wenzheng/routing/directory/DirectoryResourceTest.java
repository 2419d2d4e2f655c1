package io.wenzheng.routing.directory;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wenzheng.devstack.testing.DevStackTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Yinchuan demo directory, loaded as a versioned file, routes by place, landmark, coordinates and override. */
@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class DirectoryResourceTest {

    @BeforeEach
    void loadYinchuan() throws Exception {
        given().contentType(ContentType.JSON).body(Files.readString(Path.of("../deploy/demo/yinchuan/directory.json")))
                .put("/api/v1/directory").then().statusCode(200)
                .body("version", equalTo("2026-11-29.1")).body("units", equalTo(112)).body("rules", equalTo(15));
    }

    @AfterEach
    void restoreTheDefaultDirectory() throws Exception {
        given().contentType(ContentType.JSON).body(Files.readString(Path.of("../deploy/demo/directory.json")))
                .put("/api/v1/directory").then().statusCode(200);
    }

    @Test
    void theLoadedVersionAndItsUnitsCanBeReadBack() {
        given().get("/api/v1/directory").then().statusCode(200)
                .body("version", equalTo("2026-11-29.1")).body("editedAt", nullValue())
                .body("units.find { it.code == 'YC-XQ' }.territory.radiusKm", equalTo(12.0f))
                .body("units.find { it.code == 'YC-XQ' }.landmarks", hasItem("鼓楼"))
                .body("units.find { it.code == 'YC-D-JC' }.escalationContact", notNullValue())
                .body("rules.find { it.name == 'airport' }.unitCode", equalTo("YC-D-JC"));
    }

    @Test
    void placesLandmarksCoordinatesAndOverridesDecide() {
        explain("兴庆区丽景街街道小区违章搭建，私自占用公共绿地", null, null)
                .body("unitCode", equalTo("YC-XQ-11")).body("rule", equalTo("locality")).body("matchedTerms", hasItem("丽景街街道"));
        explain("鼓楼附近的饭店油烟太大，噪音扰民，晚上无法休息", null, null)
                .body("unitCode", equalTo("YC-XQ")).body("matchedTerms", hasItem("鼓楼"));
        explain("河东机场出租车拒载，乱收费，司机态度恶劣", null, null)
                .body("unitCode", equalTo("YC-D-JC")).body("rule", equalTo("override:airport-short"));
        explain("工厂夜间偷排废气，气味刺鼻，污染环境", 38.49, 106.15)
                .body("unitCode", equalTo("YC-XX")).body("rule", equalTo("coordinates"));
        explain("工厂夜间偷排废气，气味刺鼻，污染环境", null, null)
                .body("unitCode", equalTo("YC-D-HB")).body("rule", equalTo("lead:lead-环境保护"));
        given().queryParam("text", "噪音").queryParam("latitude", 38.5).get("/api/v1/routing/explain").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void everyChangeOfTheDirectoryIsAnEventKeyedByWhatChanged() throws Exception {
        String bootstrap = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var probe = new io.wenzheng.devstack.testing.EventProbe(bootstrap)) {
            java.time.Instant mark = java.time.Instant.now();
            // The same file again changes nothing, so it says nothing.
            given().contentType(ContentType.JSON).body(Files.readString(Path.of("../deploy/demo/yinchuan/directory.json")))
                    .put("/api/v1/directory").then().statusCode(200);
            given().contentType(ContentType.JSON).body(java.util.List.of(Map.of("code", "YC-XQ-11", "name", "丽景街街道办事处（新址）",
                            "parentCode", "YC-XQ", "level", "STREET", "duties", java.util.List.of(), "areas", java.util.List.of("丽景街街道"))))
                    .put("/api/v1/units").then().statusCode(200);
            given().contentType(ContentType.JSON)
                    .body(Map.of("name", "taxi-events", "category", "交通运输", "place", "网约车", "unitCode", "YC-D-JT", "priority", 60))
                    .put("/api/v1/directory/rules/taxi-events").then().statusCode(200);
            given().delete("/api/v1/directory/rules/taxi-events").then().statusCode(204);

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
                var mine = probe.readAll(io.wenzheng.contracts.Topics.DIRECTORY, java.time.Duration.ofSeconds(5)).stream()
                        .filter(s -> !java.time.Instant.parse(s.header("ce_time")).isBefore(mark))
                        .sorted(java.util.Comparator.comparing(s -> java.time.Instant.parse(s.header("ce_time")))).toList();
                org.assertj.core.api.Assertions.assertThat(mine).extracting(s -> s.key() + " " + s.header("ce_type"))
                        .containsExactly("YC-XQ-11 wenzheng.directory.unit-changed.v1", "taxi-events wenzheng.directory.rule-changed.v1",
                                "taxi-events wenzheng.directory.rule-changed.v1");
                org.assertj.core.api.Assertions.assertThat(mine.get(0).value()).contains("\"change\":\"UPDATED\"").contains("（新址）")
                        .contains("\"directoryVersion\":\"2026-11-29.1\"");
                org.assertj.core.api.Assertions.assertThat(mine.get(1).value()).contains("\"change\":\"ADDED\"");
                org.assertj.core.api.Assertions.assertThat(mine.get(2).value()).contains("\"change\":\"REMOVED\"");
                org.assertj.core.api.Assertions.assertThat(mine.get(0).header("ce_subject")).isEqualTo("YC-XQ-11");
            });
        }
    }

    @Test
    void rulesAreEditedOneByOneAndTheVersionSaysSo() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "taxi", "category", "交通运输", "place", "出租车", "unitCode", "YC-D-JT", "priority", 60))
                .put("/api/v1/directory/rules/taxi").then().statusCode(200).body("place", equalTo("出租车"));
        given().get("/api/v1/directory").then().body("editedAt", notNullValue())
                .body("rules.find { it.name == 'taxi' }.priority", equalTo(60));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "taxi", "category", "交通运输", "place", "出租车", "unitCode", "NOPE", "priority", 60))
                .put("/api/v1/directory/rules/taxi").then().statusCode(400).body("errors[0].field", equalTo("unitCode"));
        given().delete("/api/v1/directory/rules/taxi").then().statusCode(204);
        given().delete("/api/v1/directory/rules/taxi").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aFileThatContradictsItselfIsRefusedWhole() {
        String orphan = "{\"version\":\"x1\",\"units\":[{\"code\":\"C\",\"name\":\"c\",\"level\":\"CITY\"},"
                + "{\"code\":\"S\",\"name\":\"s\",\"parentCode\":\"NOPE\",\"level\":\"STREET\"}]}";
        given().contentType(ContentType.JSON).body(orphan).put("/api/v1/directory").then().statusCode(400)
                .body("errors[0].field", equalTo("units[1].parentCode"));
        String badRule = "{\"version\":\"x2\",\"units\":[{\"code\":\"C\",\"name\":\"c\",\"level\":\"CITY\"}],"
                + "\"rules\":[{\"name\":\"r\",\"unitCode\":\"NOPE\",\"priority\":1}]}";
        given().contentType(ContentType.JSON).body(badRule).put("/api/v1/directory").then().statusCode(400)
                .body("errors[0].field", equalTo("rules[0].unitCode"));
        given().contentType(ContentType.JSON).body("{\"version\":\"x3\",\"units\":[{\"code\":\"C\",\"name\":\"c\",\"level\":\"CITY\","
                        + "\"territory\":{\"latitude\":99,\"longitude\":1,\"radiusKm\":5}}]}")
                .put("/api/v1/directory").then().statusCode(400);
        given().get("/api/v1/directory").then().body("version", equalTo("2026-11-29.1"));
    }

    private static io.restassured.response.ValidatableResponse explain(String text, Double lat, Double lon) {
        var request = given().queryParam("text", text);
        if (lat != null) {
            request = request.queryParam("latitude", lat).queryParam("longitude", lon);
        }
        return request.get("/api/v1/routing/explain").then().statusCode(200).body("outcome", equalTo("ROUTED"));
    }
}
