package io.wenzheng.intake.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Unit staff see and act on their own unit's petitions only, whatever the URL; reveals and actions are audited in
 * an append-only table; identifiers typed into a message never reach the clear text.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitScopeTest {
    private static final String PHONE = "13907551234";
    private static final String ID_NUMBER = "640104199003071234";
    private static String ownPetition;
    private static String otherPetition;
    private static String streetPetition;

    @Test
    @Order(1)
    @TestSecurity(user = "operator1", roles = "operator")
    void anOperatorFilesOnePetitionForEachUnit() {
        try (EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            ownPetition = file(probe, "A3", "我的电话" + PHONE + "，身份证" + ID_NUMBER + "，楼下餐馆油烟扰民");
            otherPetition = file(probe, "A-ENV", "河道有人倾倒垃圾");
            streetPetition = file(probe, "A7-SJ", List.of("A7"), "街道路灯坏了");
        }
        given().get("/api/v1/petitions/" + ownPetition).then().statusCode(200)
                .body("text", equalTo("我的电话[手机号已隐去]，身份证[身份证号已隐去]，楼下餐馆油烟扰民"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "staff-a3", roles = "unit-staff", attributes = @SecurityAttribute(key = "unit", value = "A3"))
    void unitStaffSeeTheirOwnUnitOnly() {
        given().get("/api/v1/petitions/" + ownPetition).then().statusCode(200).body("unit.code", equalTo("A3"));
        given().get("/api/v1/petitions/" + otherPetition).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/petitions/" + otherPetition + "/contact").then().statusCode(404);

        List<String> units = given().get("/api/v1/petitions?size=500").then().statusCode(200).extract().jsonPath().getList("unitCode");
        assertThat(units).isNotEmpty().containsOnly("A3");
        given().get("/api/v1/petitions/" + streetPetition).then().statusCode(404); // A3 does not supervise A7's streets
        given().get("/api/v1/petitions?unit=A-ENV").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "staff-a7", roles = "unit-staff", attributes = @SecurityAttribute(key = "unit", value = "A7"))
    void aDistrictTheDirectoryLetsSeeItsStreetsSeesTheirPetitions() {
        given().get("/api/v1/petitions/" + streetPetition).then().statusCode(200)
                .body("unit.code", equalTo("A7-SJ")).body("supervisingUnits", org.hamcrest.Matchers.contains("A7"));
        assertThat(given().get("/api/v1/petitions?size=500").then().statusCode(200).extract().jsonPath().getList("id"))
                .contains(streetPetition).doesNotContain(ownPetition, otherPetition);
        given().get("/api/v1/petitions/" + ownPetition).then().statusCode(404);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "staff-a3", roles = "unit-staff", attributes = @SecurityAttribute(key = "unit", value = "A3"))
    void unitStaffActOnlyOnTheirOwnUnitsPetitions() {
        post("/api/v1/petitions/" + otherPetition + "/responses", Map.of("unitCode", "A-ENV", "message", "收到")).statusCode(403);
        post("/api/v1/petitions/" + otherPetition + "/responses", Map.of("unitCode", "A3", "message", "收到")).statusCode(404);
        post("/api/v1/petitions/" + otherPetition + "/citizen-replies", Map.of("message", "补充")).statusCode(404);
        post("/api/v1/petitions/" + otherPetition + "/acceptance", Map.of("unitCode", "A-ENV")).statusCode(403);
        post("/api/v1/petitions/" + otherPetition + "/acceptance", Map.of("unitCode", "A3")).statusCode(404);
        // Templates: their own unit's only.
        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("unitCode", "A-ENV", "kind", "RESPONSE", "title", "t", "body", "b"))
                .post("/api/v1/reply-templates").then().statusCode(403).contentType("application/problem+json");
        post("/api/v1/petitions/" + ownPetition + "/acceptance", Map.of("unitCode", "A3")).statusCode(202);
        post("/api/v1/petitions/" + ownPetition + "/responses", Map.of("unitCode", "A3", "message", "已收到")).statusCode(202);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "staff-a3", roles = "unit-staff", attributes = @SecurityAttribute(key = "unit", value = "A3"))
    void aRevealShowsTheSealedContactAndTheTextAsWritten() {
        given().get("/api/v1/petitions/" + ownPetition + "/contact").then().statusCode(200)
                .body("originalText", equalTo("我的电话" + PHONE + "，身份证" + ID_NUMBER + "，楼下餐馆油烟扰民"));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "nobody-in-particular", roles = "unit-staff")
    void unitStaffWithoutAUnitClaimSeeNothing() {
        given().get("/api/v1/petitions/" + ownPetition).then().statusCode(404);
        assertThat(given().get("/api/v1/petitions").then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    @Order(7)
    void anonymousCallersAndWrongRolesAreRefused() {
        given().get("/api/v1/petitions/" + ownPetition).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        post("/api/v1/petitions", Map.of("channel", "WEB", "text", "匿名")).statusCode(401);
        given().get("/api/v1/admin/audit").then().statusCode(401);
    }

    @Test
    @Order(8)
    void responsesCarrySecurityHeadersAndOnlyTheConsoleMayCallFromABrowser() {
        given().get("/api/v1/petitions/" + ownPetition).then()
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"))
                .header("Cache-Control", "no-store");
        given().header("Origin", "http://127.0.0.1:8084").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/petitions").then().header("Access-Control-Allow-Origin", "http://127.0.0.1:8084");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/petitions").then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON).body("{\"channel\":\"WEB\",\"text\":\"" + "长".repeat(400_000) + "\"}")
                .post("/api/v1/hotline-calls").then().statusCode(413);
    }

    @Test
    @Order(9)
    @TestSecurity(user = "analyst1", roles = "analyst")
    void analystsReadFiguresNotPetitions() {
        given().get("/api/v1/petitions/" + ownPetition).then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/petitions/" + ownPetition + "/contact").then().statusCode(403);
        given().get("/api/v1/admin/audit").then().statusCode(403);
    }

    @Test
    @Order(10)
    @TestSecurity(user = "admin1", roles = "admin")
    void theAuditLogNamesWhoDidWhatAndItCannotBeRewritten() throws Exception {
        var entries = given().get("/api/v1/admin/audit?target=" + ownPetition).then().statusCode(200).extract().jsonPath();
        List<String> actions = entries.getList("action");
        assertThat(actions).contains("REVEAL contact", "POST /api/v1/petitions/" + ownPetition + "/responses");
        assertThat(entries.getList("actor")).contains("staff-a3");
        assertThat(entries.getList("unit")).contains("A3");
        assertThat(entries.getList("clientAddress", String.class)).allSatisfy(a -> assertThat(a).isNotBlank());
        assertThat(given().get("/api/v1/admin/audit?target=" + otherPetition).then().extract().jsonPath().getList("outcome", Integer.class))
                .as("refused attempts are audited too").contains(403, 404);

        var config = ConfigProvider.getConfig();
        try (var db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
             var statement = db.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update audit_entry set actor = 'someone-else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_entry")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("truncate audit_entry")).hasMessageContaining("append-only");
        }
    }

    private static String file(EventProbe probe, String unit, String text) {
        return file(probe, unit, List.of(), text);
    }

    private static String file(EventProbe probe, String unit, List<String> supervisors, String text) {
        String id = given().contentType(ContentType.JSON).body(Map.of("channel", "WEB", "text", text))
                .post("/api/v1/petitions").then().statusCode(201).extract().jsonPath().getString("id");
        probe.publish(new PetitionRouted(id, "环境保护", unit, unit + " unit", 0.9, "test", Instant.now(), null, null, null, supervisors),
                "routing-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/petitions/" + id).then()
                .body("status", equalTo("ROUTED")));
        return id;
    }

    private static io.restassured.response.ValidatableResponse post(String path, Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }
}
