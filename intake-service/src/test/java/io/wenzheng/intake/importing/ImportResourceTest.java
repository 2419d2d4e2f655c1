package io.wenzheng.intake.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "importer", roles = "admin")
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class ImportResourceTest {

    private static JsonPath finished(String location) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(given().get(location).then().statusCode(200).extract().path("status")));
        return given().get(location).then().extract().jsonPath();
    }

    @Test
    void importsValidLinesOnceWithTheirHistoryAndListsTheRejectedOnes() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String file = "id\tuser\tsubject\ttime\tbody\treply\treply_time\n"
                + "1\tA0001\t路灯不亮" + marker + "\t2019-04-25 09:32:09\t小区路灯坏了，电话13800138000\t已修复\t2019-04-26 10:00:00\n"
                + "2\tA0002\t噪音" + marker + "\t2019-04-24 16:03:40\t工地夜间施工\t\t\n"
                + "3\tA0003\t坏时间\tsoon\t正文\t\t\n"
                + "4\tA0004\t早答复\t2019-04-24 16:03:40\t正文\t答复\t2019-04-20 10:00:00\n";
        String location = given().contentType("text/tab-separated-values").body(file)
                .when().post("/api/v1/admin/imports")
                .then().statusCode(202)
                .body("total", equalTo(4)).body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("rejections.line", org.hamcrest.Matchers.contains(4, 5))
                .extract().header("Location");
        JsonPath job = finished(location);
        assertThat(job.getInt("imported")).isEqualTo(2);
        assertThat(job.getDouble("percent")).isEqualTo(100.0);
        assertThat(job.getString("rejections[0].reason")).contains("'soon' is not a time");

        // The same file again imports nothing twice.
        given().contentType("text/tab-separated-values").body(file).post("/api/v1/admin/imports")
                .then().statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(2)).body("status", equalTo("DONE"));

        JsonPath lines = given().get(location + "/lines").then().statusCode(200).body("$", hasSize(2)).extract().jsonPath();
        assertThat(lines.getList("line", Integer.class)).containsExactly(2, 3);
        String id = lines.getString("[0].petitionId");
        given().get("/api/v1/petitions/" + id).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("receivedAt", equalTo("2019-04-25T01:32:09Z"))
                .body("text", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("13800138000")))
                .body("history.type", org.hamcrest.Matchers.contains("wenzheng.petition.received.v1", "wenzheng.petition.responded.v1",
                        "wenzheng.petition.resolved.v1"))
                .body("history[1].occurredAt", equalTo("2019-04-26T02:00:00Z"));
        try (EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            var received = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && r.value().contains("\"imported\""), Duration.ofSeconds(60))
                    .orElseThrow();
            assertThat(received.value()).contains("\"receivedAt\":\"2019-04-25T01:32:09Z\"").contains("\"resolvedAt\":\"2019-04-26T02:00:00Z\"")
                    .doesNotContain("A0001");
        }
    }

    @Test
    void aFileWithoutTheNeededColumnsIsAProblem() {
        given().contentType("text/tab-separated-values").body("id\tsubject\n1\t好\n").post("/api/v1/admin/imports")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/admin/imports/NOSUCHJOB").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void onlyAnAdministratorImports() {
        given().contentType("text/tab-separated-values").body("time\tbody\n2019-04-25 09:32:09\t正文\n").post("/api/v1/admin/imports")
                .then().statusCode(403);
        given().contentType("application/json").body("{}").post("/api/v1/admin/imports")
                .then().statusCode(403);
    }

    @Test
    void aBodyOfAnotherKindIsUnsupportedForTheAdministrator() {
        given().contentType("application/json").body("{}").post("/api/v1/admin/imports").then().statusCode(415);
    }
}
