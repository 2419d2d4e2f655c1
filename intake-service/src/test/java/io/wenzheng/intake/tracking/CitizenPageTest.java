package io.wenzheng.intake.tracking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.PetitionRejected;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import io.wenzheng.devstack.testing.HeadlessChromium;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The citizen's page on a phone-sized headless Chromium: what a citizen reads, and the rating they give there. */
@QuarkusTest
// The unit's actions are driven through the API with every role; the page itself is public and sends no token.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class CitizenPageTest {
    private static final String TEXT = "银川市兴庆区丽景街某小区门口的路灯坏了一个多月，晚上老人孩子出门很不安全，"
            + "希望尽快修好。我的电话13995112345。";

    @TestHTTPResource("/track")
    URL track;

    @BeforeAll
    static void browser() {
        HeadlessChromium.ensureInstalled();
    }

    private static Document load(HeadlessChromium browser, String url) {
        browser.open(url).waitUntil("document.body.dataset.loaded === 'true'", Duration.ofSeconds(20));
        return Jsoup.parse(browser.dom());
    }

    @Test
    void aCitizenFollowsAResolvedPetitionAndRatesItOnAPhone() {
        var receipt = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "WEB", "subject", "丽景街小区门口路灯不亮", "text", TEXT,
                        "contact", Map.of("name", "李女士", "phone", "13995112345")))
                .post("/api/v1/petitions").then().statusCode(201).extract().jsonPath();
        String id = receipt.getString("id");
        String code = receipt.getString("trackingCode");
        routed(id, "A3", "兴庆区人民政府");
        act(id, "acceptance", Map.of("unitCode", "A3"));
        act(id, "responses", Map.of("unitCode", "A3", "message", "已收到，安排路灯所今日现场查看。"));
        act(id, "resolution", Map.of("unitCode", "A3", "message", "路灯已更换灯头，恢复照明。"));

        given().get(track + "/" + code).then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'"));
        try (HeadlessChromium browser = HeadlessChromium.start(390, 844)) {
            Document page = load(browser, track + "/" + code.toLowerCase());
            assertThat(page.getElementById("tracking").text()).isEqualTo(code);
            assertThat(page.getElementById("title").text()).isEqualTo("丽景街小区门口路灯不亮");
            assertThat(page.getElementById("status").text()).isEqualTo("已办结，待评价");
            assertThat(page.getElementById("unit").text()).as("the unit by its name").isEqualTo("兴庆区人民政府");
            assertThat(page.select("#replies li .kind").eachText()).containsExactly("答复", "办结答复");
            assertThat(page.select("#replies li p").eachText()).containsExactly("已收到，安排路灯所今日现场查看。", "路灯已更换灯头，恢复照明。");
            assertThat(page.select("#steps li.done")).as("every step done").hasSize(5);
            assertThat(page.getElementById("received").text()).as("in the city's time, for people").matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
            assertThat(page.body().text()).as("no internal id, no contact data").doesNotContain(id).doesNotContain("13995112345").doesNotContain("李女士");
            String header = (String) browser.driver().executeScript("return getComputedStyle(document.querySelector('header')).backgroundColor");
            assertThat(header).as("the page's own style sheet applies under its Content-Security-Policy").isEqualTo("rgb(192, 57, 43)");
            Long width = (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
            assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(390L);
            browser.screenshot(Path.of("..", "docs", "images", "citizen-track.png"));

            // Sending without a choice names what is missing; then four stars close the case.
            browser.driver().findElement(By.cssSelector("#rating button[type=submit]")).click();
            assertThat(browser.driver().findElement(By.id("ratingError")).getText()).isEqualTo("请选择 1 到 5 分。");
            browser.driver().findElement(By.cssSelector("#stars input[value='4']")).findElement(By.xpath("..")).click();
            browser.driver().findElement(By.id("comment")).sendKeys("修得很快，谢谢");
            browser.driver().findElement(By.cssSelector("#rating button[type=submit]")).click();
            browser.waitUntil("document.body.dataset.rated", Duration.ofSeconds(10));
            Document rated = Jsoup.parse(browser.dom());
            assertThat(rated.body().attr("data-rated")).isEqualTo("200");
            assertThat(rated.getElementById("status").text()).isEqualTo("已办结");
            assertThat(rated.getElementById("rated").text()).isEqualTo("感谢您的评价：4 分。");
            assertThat(rated.getElementById("rating").hasAttr("hidden")).as("no second rating").isTrue();

            browser.driver().findElement(By.id("lang")).click();
            Document english = Jsoup.parse(browser.dom());
            assertThat(english.getElementById("status").text()).isEqualTo("Resolved");
            assertThat(english.select("#replies li .kind").eachText()).containsExactly("Answer", "Resolution");
            assertThat(english.selectFirst("h1").text()).isEqualTo("Your petition");
        }
        given().get("/api/v1/track/" + code).then().body("status", equalTo("CLOSED")).body("rating", equalTo(4));
    }

    @Test
    void aRejectedPetitionSaysWhyAndAWrongCodeSaysSo() {
        String[] rejected = submitted("代办各类证件，加微信");
        try (EventProbe probe = probe()) {
            probe.publish(new PetitionRejected(rejected[0], PetitionRejected.RejectionReason.SPAM, "operator's own note", Instant.now()), "routing-service");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/track/" + rejected[1]).then()
                .body("status", equalTo("REJECTED")).body("rejection", equalTo("SPAM")));
        try (HeadlessChromium browser = HeadlessChromium.start(390, 844)) {
            Document page = load(browser, track + "/" + rejected[1]);
            assertThat(page.getElementById("status").text()).isEqualTo("未予受理");
            assertThat(page.getElementById("outcome").text()).isEqualTo("这件诉求未予受理：广告或无关信息。");
            assertThat(page.body().text()).as("the operator's note is internal").doesNotContain("operator's own note");
            assertThat(page.select("#steps").attr("hidden")).as("no progress steps for a petition that ended").isNotNull();

            Document unknown = load(browser, track + "/ZZZZZZZZ");
            assertThat(unknown.getElementById("message").text()).isEqualTo("没有找到查询码为 ZZZZZZZZ 的诉求，请核对后再试。");
            assertThat(unknown.getElementById("lookup").hasAttr("hidden")).as("the code can be typed again").isFalse();
            Document malformed = load(browser, track + "/12");
            assertThat(malformed.getElementById("message").text()).isEqualTo("查询码是 8 位字母和数字，例如 ABCD1234。");

            // The bare address asks for the code and takes the citizen to the petition.
            load(browser, track.toString());
            browser.driver().findElement(By.id("code")).sendKeys(rejected[1].toLowerCase());
            browser.driver().findElement(By.cssSelector("#lookup button[type=submit]")).click();
            browser.waitUntil("location.pathname.endsWith('" + rejected[1] + "') && document.body.dataset.loaded === 'true'", Duration.ofSeconds(20));
            assertThat(Jsoup.parse(browser.dom()).getElementById("status").text()).isEqualTo("未予受理");
        }
    }

    private static String[] submitted(String text) {
        var receipt = given().contentType(ContentType.JSON).body(Map.of("channel", "WEB", "text", text))
                .post("/api/v1/petitions").then().statusCode(201).extract().jsonPath();
        return new String[] {receipt.getString("id"), receipt.getString("trackingCode")};
    }

    private static void routed(String id, String unit, String name) {
        try (EventProbe probe = probe()) {
            probe.publish(new PetitionRouted(id, "城乡建设", unit, name, 0.9, "test", Instant.now(), null, null, null), "routing-service");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/petitions/" + id).then().body("status", equalTo("ROUTED")));
    }

    private static void act(String id, String action, Map<String, String> body) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/petitions/" + id + "/" + action).then().statusCode(202);
    }

    private static EventProbe probe() {
        return new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }
}
