package io.wenzheng.intake.duplicate;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wenzheng.devstack.testing.DevStackTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class PossibleDuplicateTest {

    private static String submit(String text, String phone) {
        return given().contentType(ContentType.JSON)
                .body("{\"channel\":\"WEB\",\"text\":\"" + text + "\",\"contact\":{\"phone\":\"" + phone + "\"}}")
                .post("/api/v1/petitions").then().statusCode(201).extract().path("id");
    }

    @Test
    void theSameCitizenSayingTheSameThingAgainIsFlaggedAndSomethingElseIsNot() {
        String phone = "1390951" + String.format("%04d", (int) (Math.random() * 10_000));
        String first = submit("A3区星沙小区旁边的工地夜间施工，噪音很大，严重影响休息。", phone);
        String again = submit("A3区星沙小区旁工地夜里施工噪音很大，严重影响休息！", phone);
        String other = submit("公司拖欠工资三个月，请劳动部门帮忙讨薪。", phone);
        String stranger = submit("A3区星沙小区旁边的工地夜间施工，噪音很大，严重影响休息。", "13800000000");

        given().get("/api/v1/petitions/" + first).then().body("possibleDuplicateOf", nullValue());
        given().get("/api/v1/petitions/" + again).then().body("possibleDuplicateOf", equalTo(first));
        given().get("/api/v1/petitions/" + other).then().body("possibleDuplicateOf", nullValue());
        given().get("/api/v1/petitions/" + stranger).then().body("possibleDuplicateOf", not(equalTo(first)));
        given().get("/api/v1/petitions/possible-duplicates").then().statusCode(200)
                .body("id", hasItem(again)).body("id", not(hasItem(other)));
    }
}
