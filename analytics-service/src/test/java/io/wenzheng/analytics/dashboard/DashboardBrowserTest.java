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
            assertThat(league.get(0).select("td .name").text()).as("the unit's name, not its code").isEqualTo("单位" + KnownStream.U2);
            assertThat(league.get(0).select("td .badge").text()).as("the first unit of the league is among the top ten").isEqualTo("十佳");
            assertThat(league.get(0).select("td").get(2).text()).isEqualTo("96.67");
            assertThat(league.get(1).attr("data-unit")).isEqualTo(KnownStream.U1);
            assertThat(league.get(1).select("td").get(2).text()).isEqualTo("63.75");
            assertThat(zh.select("#trend svg")).as("the trend chart drew").isNotEmpty();
            assertThat(zh.select("#categories svg").text()).contains("城乡建设");
            assertThat(zh.select("#channels svg").text()).as("channels by their names").contains("微信").doesNotContain("WECHAT");
            assertThat(zh.select("#unit option[value=" + KnownStream.U2 + "]").text()).as("the unit filter offers names").isEqualTo("单位" + KnownStream.U2);
            var issue = zh.selectFirst("#hotspots tbody tr");
            assertThat(issue.select("td").get(0).text()).as("rank").isEqualTo("1");
            assertThat(issue.selectFirst("summary").text()).as("the issue is titled by the citizens' subject").isEqualTo("路灯");
            assertThat(issue.select("td").get(3).text()).as("citizens").isEqualTo("6");
            assertThat(issue.select("li .code")).as("its petitions by tracking code").hasSize(6)
                    .allMatch(code -> code.text().startsWith("TRK"));
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("#hotspots summary")).click();
            assertThat(Jsoup.parse(browser.dom()).select("#hotspots details[open] li")).as("the issue opens its petitions").hasSize(6);
            String shown = (String) browser.driver().executeScript("return document.body.innerText");
            assertThat(java.util.regex.Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}").matcher(shown).find()).as("no internal petition id on the page").isFalse();

            browser.waitUntil("document.getElementById('live-received').textContent.match(/^\\d+$/)", Duration.ofSeconds(15));
            assertThat(Jsoup.parse(browser.dom()).getElementById("live-state").text()).as("live counters arrive over SSE").isEqualTo("● 实时");
            Path png = Path.of("target", "dashboard.png");
            browser.screenshot(png);
            assertThat(Files.size(png)).isGreaterThan(20_000);

            Document en = load(browser, dashboard + week + "&lang=en");
            assertThat(en.selectFirst("h1").text()).isEqualTo("Wenzheng operations");
            assertThat(en.getElementById("completion").text()).isEqualTo("66.7%");
            assertThat(en.select("#channels svg").text()).contains("WeChat");
            assertThat(en.select("#categories svg").text()).contains("Urban and rural construction");

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

    /** The reports view: every published report listed in city time, opened through the session, and publishing on demand. */
    @Test
    void theReportsViewListsOpensAndPublishesReports() throws Exception {
        KnownStream.awaitCounted();
        io.restassured.RestAssured.given().post("/api/v1/reports?period=WEEKLY&date=2031-03-06").then().statusCode(201);
        try (HeadlessChromium browser = HeadlessChromium.start(1400, 1500)) {
            load(browser, dashboard.toString());
            browser.waitUntil("document.body.dataset.reports && Number(document.body.dataset.reports) > 0", Duration.ofSeconds(15));
            Document page = Jsoup.parse(browser.dom());
            var row = page.selectFirst("#reports tr[data-report=weekly-2031-03-03]");
            assertThat(row).as("the published week is listed").isNotNull();
            assertThat(row.select("td").get(0).ownText()).isEqualTo("问政周报 2031-03-03 – 2031-03-09");
            assertThat(row.select("a[data-file]")).extracting(a -> a.text()).containsExactly("HTML", "PDF", "CSV");
            assertThat(row.selectFirst(".number").text()).startsWith("问政〔2031〕周报第10号");

            // Opening goes through the signed-in session: the report arrives in a new tab as a blob of its own HTML.
            int tabs = browser.driver().getWindowHandles().size();
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("#reports tr[data-report=weekly-2031-03-03] a[data-name$='.html']")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .until(d -> d.getWindowHandles().size() > tabs);
            String original = browser.driver().getWindowHandle();
            for (String handle : browser.driver().getWindowHandles()) {
                if (!handle.equals(original)) {
                    browser.driver().switchTo().window(handle);
                }
            }
            browser.waitUntil("document.body && document.body.innerText.includes('问政周报')", Duration.ofSeconds(15));
            assertThat(browser.driver().getCurrentUrl()).startsWith("blob:");
            // As designed: its own styles apply (the red title, the issuing band), not the browser's defaults.
            assertThat(browser.driver().executeScript("return getComputedStyle(document.querySelector('h1')).color")).isEqualTo("rgb(155, 28, 28)");
            assertThat(browser.driver().executeScript("return getComputedStyle(document.querySelector('table.issue')).borderTopStyle")).isEqualTo("solid");
            browser.screenshot(Path.of("target", "report.png"));
            browser.driver().switchTo().window(original);

            browser.driver().findElement(org.openqa.selenium.By.id("publish-monthly")).click();
            browser.waitUntil("document.getElementById('publish-state').textContent === '已发布'"
                    + " && !!document.querySelector('#reports tr[data-report^=monthly-]')", Duration.ofSeconds(30));
            assertThat(Jsoup.parse(browser.dom()).select("#reports tr[data-report^=monthly-] td").get(0).text())
                    .as("last month's report, published from the page").startsWith("问政月报");

            // Publishing the same month again: the new version on top, the one it replaced still listed and readable.
            String loaded = (String) browser.driver().executeScript("return document.body.dataset.reportsLoaded");
            browser.driver().findElement(org.openqa.selenium.By.id("publish-monthly")).click();
            browser.waitUntil("document.body.dataset.reportsLoaded !== '" + loaded + "'"
                    + " && !!document.querySelector('#reports tr.earlier[data-report^=monthly-]')", Duration.ofSeconds(30));
            Document republished = Jsoup.parse(browser.dom());
            String month = republished.selectFirst("#reports tr[data-report^=monthly-]").attr("data-report");
            assertThat(republished.selectFirst("#reports tr[data-report=" + month + "]:not(.earlier) .number").text()).contains("版");
            assertThat(republished.select("#reports tr.earlier[data-report=" + month + "] a[data-file]")).extracting(a -> a.attr("data-file"))
                    .allMatch(link -> link.startsWith("/api/v1/reports/" + month + "/v"));
        }
    }
}
