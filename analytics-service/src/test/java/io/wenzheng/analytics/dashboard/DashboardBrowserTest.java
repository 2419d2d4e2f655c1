package io.wenzheng.analytics.dashboard;

import io.quarkus.test.security.TestSecurity;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wenzheng.analytics.stats.KnownStream;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.HeadlessChromium;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ops dashboard in a real headless Chromium, on the known stream: what it renders, and a screenshot. */
@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "analytics"))
class DashboardBrowserTest {

    @TestHTTPResource("/dashboard/index.html")
    URL dashboard;

    @BeforeAll
    static void stream() {
        HeadlessChromium.ensureInstalled();
        KnownStream.publishOnce();
    }

    private static Document load(HeadlessChromium browser, String url) {
        browser.open(url).waitUntil("document.body.dataset.loaded === 'true' || document.body.dataset.error", Duration.ofSeconds(30));
        return Jsoup.parse(browser.dom());
    }

    @Test
    void theDashboardRendersTheWeeksFiguresInChineseAndEnglish() throws Exception {
        KnownStream.awaitCounted();
        String week = "?from=2031-03-03&to=2031-03-10";
        try (HeadlessChromium browser = HeadlessChromium.start(1400, 1500)) {
            Document zh = load(browser, dashboard + week);
            assertThat(zh.body().attr("data-error")).isEmpty();
            assertThat(zh.selectFirst("h1").text()).isEqualTo("问政运行监测");
            assertThat(zh.getElementById("received").text()).isEqualTo("6");
            assertThat(zh.getElementById("resolved").text()).isEqualTo("4");
            assertThat(zh.getElementById("completion").text()).isEqualTo("66.7%");
            assertThat(zh.getElementById("ontime").text()).isEqualTo("83.3%");
            var league = zh.select("#league tbody tr");
            assertThat(league.get(0).attr("data-unit")).isEqualTo(KnownStream.U2);
            assertThat(league.get(0).select("td").get(1).text()).as("the unit's name, not its code").isEqualTo("单位" + KnownStream.U2);
            assertThat(league.get(0).select("td").get(2).text()).isEqualTo("96.67");
            assertThat(league.get(1).attr("data-unit")).isEqualTo(KnownStream.U1);
            assertThat(league.get(1).select("td").get(2).text()).isEqualTo("63.75");
            assertThat(zh.select("#trend svg")).as("the trend chart drew").isNotEmpty();
            assertThat(zh.select("#categories svg").text()).contains("城乡建设");

            browser.waitUntil("document.getElementById('live-received').textContent.match(/^\\d+$/)", Duration.ofSeconds(15));
            assertThat(Jsoup.parse(browser.dom()).getElementById("live-state").text()).as("live counters arrive over SSE").isEqualTo("● 实时");
            Path png = Path.of("target", "dashboard.png");
            browser.screenshot(png);
            assertThat(Files.size(png)).isGreaterThan(20_000);

            Document en = load(browser, dashboard + week + "&lang=en");
            assertThat(en.selectFirst("h1").text()).isEqualTo("Wenzheng operations");
            assertThat(en.getElementById("completion").text()).isEqualTo("66.7%");

            Document oneUnit = load(browser, dashboard + week + "&unit=" + KnownStream.U2);
            assertThat(oneUnit.getElementById("received").text()).isEqualTo("2");
            assertThat(oneUnit.select("#league tbody tr")).hasSize(1);
        }
    }

    /**
     * With no dates asked for, the period is the server's, in the city's days. A browser in UTC−11 or UTC+14 has a
     * different date from Beijing's for part of every day (at any hour, one of the two does), and a period taken from
     * the browser's own date missed the city's today for those hours.
     */
    @Test
    void theDefaultPeriodIsTheCitysEvenWhenTheBrowserSitsInAnotherZone() {
        var period = io.restassured.RestAssured.given().get("/api/v1/stats/measures").then().statusCode(200).extract().jsonPath();
        for (String zone : java.util.List.of("Pacific/Pago_Pago", "Pacific/Kiritimati")) {
            try (HeadlessChromium browser = HeadlessChromium.start(1200, 900)) {
                browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", zone));
                Document page = load(browser, dashboard.toString());
                assertThat(page.body().attr("data-error")).isEmpty();
                assertThat(browser.driver().executeScript("return document.getElementById('from').value")).as(zone)
                        .isEqualTo(period.getString("from"));
                assertThat(browser.driver().executeScript("return document.getElementById('to').value")).as(zone)
                        .isEqualTo(period.getString("to"));
            }
        }
    }
}
