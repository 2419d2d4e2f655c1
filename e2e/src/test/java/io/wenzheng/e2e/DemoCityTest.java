package io.wenzheng.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wenzheng.devstack.demo.DemoCity;
import io.wenzheng.devstack.suite.RunningSuite;
import io.wenzheng.devstack.suite.ServiceName;
import io.wenzheng.devstack.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code ./wenzheng up --demo}, as a newcomer meets it: within minutes of the start the dashboard, the league table
 * with 十佳 and 通报, the published reports and the ranked hot issues have content, and the city moves. It runs on the
 * bundled sample (quick); {@code -Dwenzheng.demo.data=../shared/data/petitions-replied.tsv} runs it on the real
 * history, and {@code -Dwenzheng.demo.screenshots=docs/images} keeps its pictures for the README.
 */
class DemoCityTest {
    private static final Path ROOT = Path.of(System.getProperty("wenzheng.root", "..")).toAbsolutePath().normalize();

    @Test
    void theDemoCityHasFiguresLeagueReportsAndHotIssuesAndMoves() throws Exception {
        HeadlessChromium.ensureInstalled();
        Path source = Path.of(System.getProperty("wenzheng.demo.data", ROOT.resolve("deploy/demo/sample/history.tsv").toString()));
        Path pictures = Path.of(System.getProperty("wenzheng.demo.screenshots", ROOT.resolve("e2e/target/demo").toString()));
        Files.createDirectories(pictures);
        try (RunningSuite running = RunningSuite.start(ROOT, ROOT.resolve("e2e/target/demo-stack"), line -> System.out.println("demo-test: " + line))) {
            var suite = running.suite();
            var tokens = running.tokens();
            assertThat(RunningSuite.loadDirectory(suite.url(ServiceName.ROUTING), tokens.of("admin1"), ROOT.resolve(DemoCity.DIRECTORY))).isEqualTo(200);
            long begin = System.nanoTime();
            var started = DemoCity.startFrom(source, new DemoCity.Suite(suite.url(ServiceName.INTAKE), suite.url(ServiceName.SLA),
                    suite.url(ServiceName.ANALYTICS), running.stack().kafka().bootstrapServers(), tokens::of), line -> System.out.println("demo-test: " + line));
            try (var city = started.city()) {
                System.out.printf("demo-test: the demo city was ready %.0f s after the suite%n", (System.nanoTime() - begin) / 1e9);
                assertThat(started.history().imported()).isPositive();
                assertThat(started.reports()).hasSize(2).allSatisfy(title -> assertThat(title).startsWith("问政"));

                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    var league = given().baseUri(suite.url(ServiceName.ANALYTICS)).auth().oauth2(tokens.of("analyst1")).get("/api/v1/stats/league")
                            .then().statusCode(200).extract().jsonPath();
                    assertThat(league.getList("top")).as("十佳").hasSize(10);
                    assertThat(league.getList("needsImprovement")).as("通报").isNotEmpty();
                });
                try (var dashboard = ConsoleBrowser.login(suite.url(ServiceName.ANALYTICS) + "/dashboard/index.html", "analyst1")) {
                    dashboard.waitUntil("Number(document.getElementById('received').textContent) > 0");
                    dashboard.waitUntil("document.querySelectorAll('#league tbody tr[data-unit]').length >= 5");
                    dashboard.waitUntil("!!document.querySelector('#league .badge.top') && !!document.querySelector('#league .badge.warn')");
                    dashboard.waitUntil("document.querySelectorAll('#hotspots tbody tr details summary').length >= 3");
                    dashboard.waitUntil("document.querySelectorAll('#reports tbody tr').length >= 2");
                    String league = (String) dashboard.js("return document.querySelector('#league tbody').textContent");
                    assertThat(league).as("units of the demo directory, by name").contains("银川");
                    String hot = (String) dashboard.js("return document.querySelector('#hotspots tbody').textContent");
                    assertThat(hot).doesNotContainPattern("[0-9A-HJKMNP-TV-Z]{26}");
                    dashboard.screenshot(pictures.resolve("demo-dashboard.png"));
                    dashboard.js("document.getElementById('league').scrollIntoView()");
                    dashboard.screenshot(pictures.resolve("demo-league.png"));
                }
                String report = given().baseUri(suite.url(ServiceName.ANALYTICS)).auth().oauth2(tokens.of("analyst1")).get("/api/v1/reports")
                        .then().statusCode(200).extract().jsonPath().getString("find { it.period == 'MONTHLY' }.links.html");
                String html = given().baseUri(suite.url(ServiceName.ANALYTICS)).auth().oauth2(tokens.of("analyst1")).get(report)
                        .then().statusCode(200).extract().asString();
                var page = org.jsoup.Jsoup.parse(html);
                assertThat(page.text()).contains("十佳单位").contains("通报批评");
                assertThat(page.select("table").first().text()).doesNotContain("受理 Received 0 ");

                // The city moves: citizens write through four channels, units act, the backlog's deadlines pass.
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
                    assertThat(city.written()).isGreaterThanOrEqualTo(8);
                    assertThat(city.actions()).isPositive();
                    var board = given().baseUri(suite.url(ServiceName.SLA)).auth().oauth2(tokens.of("supervisor1")).get("/api/v1/sla/board")
                            .then().statusCode(200).extract().jsonPath();
                    assertThat(board.getList("breached").size() + board.getList("escalated").size())
                            .as("today's backlog past its deadline, breached and escalated").isPositive();
                });
                var channels = given().baseUri(suite.url(ServiceName.ANALYTICS)).auth().oauth2(tokens.of("analyst1"))
                        .queryParam("by", "CHANNEL").get("/api/v1/stats/measures").then().statusCode(200).extract().jsonPath().getList("groups.key");
                assertThat(channels).contains("WEB", "WECHAT", "WEIBO", "HOTLINE");
            }
        }
    }
}
