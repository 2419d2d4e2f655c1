package io.wenzheng.analytics.stats;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.PetitionRated;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionReopened;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionReturned;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A known event stream in a week nobody else uses, and the figures it must give. */
@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "analytics"))
class StatsResourceTest {
    private static final String U1 = KnownStream.U1;
    private static final String U2 = KnownStream.U2;
    private static final String WEEK = "from=2031-03-03&to=2031-03-10";

    @BeforeAll
    static void publishTheStream() {
        KnownStream.publishOnce();
    }

    private static void awaitTheWholeStream() {
        KnownStream.awaitCounted();
    }

    private static JsonPath measuresBy(String by) {
        return KnownStream.measuresBy(by);
    }

    private static JsonPath unit(JsonPath byUnit, String code) {
        return KnownStream.unit(byUnit, code);
    }

    @Test
    void unitMeasuresAreTheKnownFigures() {
        awaitTheWholeStream();
        JsonPath byUnit = measuresBy("UNIT");
        JsonPath u1 = unit(byUnit, U1);
        assertThat(u1.getLong("received")).isEqualTo(4);
        assertThat(u1.getLong("routed")).isEqualTo(4);
        assertThat(u1.getLong("respondedOnTime")).isEqualTo(3);
        assertThat(u1.getDouble("onTimeRate")).isEqualTo(0.75);
        assertThat(u1.getDouble("completionRate")).isEqualTo(0.5);
        assertThat(u1.getDouble("firstResponseMeanHours")).isEqualTo(2.125);
        assertThat(u1.getDouble("resolutionMeanHours")).isEqualTo(48.0);
        assertThat(u1.getDouble("satisfactionRate")).isEqualTo(0.5);
        assertThat(u1.getDouble("meanRating")).isEqualTo(3.5);
        assertThat(u1.getLong("reopened")).isEqualTo(1);
        assertThat(u1.getDouble("reopenRate")).isEqualTo(0.5);
        assertThat(u1.getLong("handedBack")).isZero();
        // p90 of 30 min, 1 h, 2 h and 5 h lies in 5 h's bucket.
        assertThat(u1.getDouble("firstResponseP90Hours")).isBetween(4.0, 6.0);

        JsonPath u2 = unit(byUnit, U2);
        assertThat(u2.getLong("received")).isEqualTo(2);
        assertThat(u2.getLong("handedBack")).isEqualTo(1);
        assertThat(u2.getDouble("handBackRate")).isEqualTo(0.3333);
        assertThat(u2.getDouble("completionRate")).isEqualTo(1.0);
        assertThat(u2.getDouble("satisfactionRate")).isEqualTo(1.0);

        JsonPath byDistrict = measuresBy("DISTRICT");
        assertThat(byDistrict.getLong("groups.find { it.key == 'D1' }.measures.received")).isEqualTo(6);
        JsonPath byDay = measuresBy("DAY");
        assertThat(byDay.getList("groups.key")).containsExactly("2031-03-04");
        assertThat(byDay.getLong("total.received")).isEqualTo(6);
    }

    @Test
    void theWeeksScorecardRanksTheUnitsByTheDocumentedScore() {
        awaitTheWholeStream();
        JsonPath card = given().get("/api/v1/stats/scorecard?period=WEEKLY&date=2031-03-05").then().statusCode(200)
                .extract().jsonPath();
        assertThat(card.getString("period.from")).isEqualTo("2031-03-03");
        assertThat(card.getList("scorecard.top.unitCode")).containsExactly(U2, U1);
        assertThat(card.getList("scorecard.top.unitName")).as("as routing named them").containsExactly("单位" + U2, "单位" + U1);
        // U2: everything perfect but one hand-back in three: 35 + 30 + 20 + 10 × 2/3 + 5.
        assertThat(card.getDouble("scorecard.top[0].score")).isEqualTo(96.67);
        // U1: 35 × 0.75 + 30 × 0.5 + 20 × 0.5 + 10 × 1 + 5 × 0.5.
        assertThat(card.getDouble("scorecard.top[1].score")).isEqualTo(63.75);
        assertThat(card.getInt("scorecard.top[1].rank")).isEqualTo(2);
    }

    @Test
    void badQueriesGetProblemDetails() {
        given().get("/api/v1/stats/measures?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/stats/measures?from=2031-03-10&to=2031-03-03").then().statusCode(400);
        given().get("/api/v1/stats/measures?by=PLANET").then().statusCode(400);
        given().get("/api/v1/stats/scorecard/trend").then().statusCode(400);
        given().get("/api/v1/stats/hotspots?limit=0").then().statusCode(400);
    }

    @Test
    void backlogAndSlaBoardCountOpenPetitions() {
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            JsonPath backlog = given().get("/api/v1/stats/backlog?unit=" + U1).then().statusCode(200).extract().jsonPath();
            // Two of U1's four are open (the breached one and the reopened one), both received long before now... in 2031.
            assertThat(backlog.getLong("under1d") + backlog.getLong("d1to3") + backlog.getLong("d3to7") + backlog.getLong("d7to30")
                    + backlog.getLong("over30d")).isEqualTo(2);
        });
        JsonPath sla = given().get("/api/v1/stats/sla?unit=" + U1).then().statusCode(200).extract().jsonPath();
        assertThat(sla.getLong("breachedOpen")).isEqualTo(1);
        assertThat(sla.getList("mostUrgent.unitCode")).containsOnly(U1);
        // What the dashboard shows people: the tracking code, a title and the unit's name.
        assertThat(sla.getList("mostUrgent.unitName")).containsOnly("单位" + U1);
        assertThat(sla.getList("mostUrgent.title")).containsOnly("路灯");
        assertThat(sla.getList("mostUrgent.trackingCode", String.class)).isNotEmpty().allMatch(code -> code.startsWith("TRK"));
    }

    @Test
    void aSurgeOfSimilarPetitionsBecomesAHotspotWithItsEvent() {
        Instant at = Instant.parse("2031-05-01T01:00:00Z");
        List<String> ids = new ArrayList<>();
        try (EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            for (int i = 0; i < 6; i++) {
                String id = EventProbe.newPetitionId();
                ids.add(id);
                probe.publish(Topics.LIFECYCLE, new PetitionReceived(id, "HOT" + i, Channel.WEIBO, "魅力之城小区油烟噪音扰民",
                        "A5区魅力之城小区临街餐饮店油烟噪音扰民，第" + i + "次反映了", null, null, at.plusSeconds(600L * i), null),
                        "test", UUID.randomUUID().toString());
            }
            // The six go to different partitions and may be consumed in any order; the examples are the first five seen.
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                List<java.util.Map<String, Object>> hotspots = given().get("/api/v1/stats/hotspots").then().statusCode(200)
                        .extract().jsonPath().getList("$");
                var ours = hotspots.stream().filter(h -> ((List<?>) h.get("examplePetitionIds")).stream().anyMatch(ids::contains)).toList();
                assertThat(ours).as("one hotspot for the six").hasSize(1);
                @SuppressWarnings("unchecked") List<String> examples = (List<String>) ours.get(0).get("examplePetitionIds");
                assertThat(examples).hasSize(5).isSubsetOf(ids);
                assertThat(ours.get(0).get("place")).isEqualTo("A5区魅力之城小区");
            });
            var event = probe.await(Topics.INSIGHT, seen -> ids.stream().anyMatch(seen.value()::contains), Duration.ofSeconds(30));
            assertThat(event).isPresent();
            assertThat(event.get().value()).contains("\"title\":\"魅力之城小区油烟噪音扰民\"").contains("\"place\":\"A5区魅力之城小区\"");
            assertThat(event.get().header("ce_type")).isEqualTo("wenzheng.insight.hotspot-detected.v1");
            assertThat(event.get().key()).startsWith("hs-");
        }
    }

    @Test
    void oneIssueWrittenByFiveCitizensInFiveWaysIsOneRankedRowAndOneCitizensRepeatsAreNone() {
        Instant at = Instant.parse("2031-06-02T01:00:00Z");
        String[][] wordings = {
                {"A5区丽发新城小区附近搅拌站噪音扰民", "搅拌站日夜作业，噪音很大。"},
                {"投诉丽发新城旁边搅拌站夜间施工噪声", "晚上十点以后搅拌站还在作业。"},
                {"丽发新城小区业主反映搅拌站粉尘噪音问题", "粉尘和噪音严重影响小区居民。"},
                {"请求关停丽发新城附近的混凝土搅拌站", "搅拌站噪音扰民，业主无法休息。"},
                {"A市A5区丽发新城搅拌站扰民", "搅拌站的噪音和灰尘让人受不了。"}};
        Map<String, String> subjectOf = new java.util.HashMap<>();
        try (EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            for (int i = 0; i < wordings.length; i++) {
                probe.publish(Topics.LIFECYCLE, new PetitionReceived(EventProbe.newPetitionId(), "RI" + i, Channel.WEB, wordings[i][0],
                        wordings[i][1], null, "citizen-" + i, at.plus(Duration.ofDays(i)), null), "test", UUID.randomUUID().toString());
                subjectOf.put("RI" + i, wordings[i][0]);
            }
            for (int i = 0; i < 4; i++) {
                probe.publish(Topics.LIFECYCLE, new PetitionReceived(EventProbe.newPetitionId(), "RR" + i, Channel.WEB, "B3县幸福家园停车位被占用",
                        "幸福家园的停车位被外来车辆占用。", null, "the-same-citizen", at.plus(Duration.ofHours(i)), null), "test",
                        UUID.randomUUID().toString());
            }
        }
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            JsonPath issues = given().get("/api/v1/stats/hot-issues?from=2031-06-01&to=2031-06-30").then().statusCode(200).extract().jsonPath();
            assertThat(issues.getList("$")).hasSize(1);
            assertThat(issues.getInt("[0].rank")).isEqualTo(1);
            assertThat(issues.getInt("[0].citizens")).isEqualTo(5);
            assertThat(issues.getInt("[0].messages")).isEqualTo(5);
            assertThat(issues.getString("[0].place")).isEqualTo("A5区丽发新城");
            assertThat(issues.getString("[0].title")).isIn(subjectOf.values());
            assertThat(issues.getList("[0].petitions.trackingCode", String.class)).containsExactlyInAnyOrderElementsOf(subjectOf.keySet());
            assertThat(issues.getString("[0].petitions.find { it.trackingCode == 'RI0' }.subject")).isEqualTo(wordings[0][0]);
        });
        String problem = given().get("/api/v1/stats/hot-issues?top=abc").then().statusCode(400).contentType("application/problem+json")
                .extract().asString();
        assertThat(problem).contains("top").contains("abc");
    }

    @Test
    void theWeeklyReportRendersAsHtmlPdfAndCsvAndIsAnnounced() throws Exception {
        awaitTheWholeStream();
        given().post("/api/v1/reports?period=WEEKLY&date=2031-03-06").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/reports/weekly-2031-03-03.html"));
        JsonPath list = given().get("/api/v1/reports").then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("find { it.reportId == 'weekly-2031-03-03' }.links.pdf")).isEqualTo("/api/v1/reports/weekly-2031-03-03.pdf");

        var page = given().get("/api/v1/reports/weekly-2031-03-03.html").then().statusCode(200).extract();
        assertThat(page.header("Content-Security-Policy")).as("the report's own styles may apply")
                .contains("style-src 'unsafe-inline'").contains("default-src 'none'");
        String html = page.asString();
        assertThat(html).contains("问政周报 2031-03-03 – 2031-03-09").contains(U1).contains(U2);
        assertThat(html).as("an issued document: the office, its number, and page numbers when printed")
                .contains("发文单位 Issued by: A市人民政府督查室").contains("问政〔2031〕周报第10号").contains("counter(pages)")
                .as("channels by name").contains("微信 WeChat").doesNotContain(">WECHAT<");
        String notable = html.substring(html.indexOf("Notable cases"));
        assertThat(notable).as("notable cases by tracking code, title and unit name, in city time").contains("TRK").contains("路灯")
                .contains("单位" + U1).contains("2031-03-0");

        byte[] pdf = given().get("/api/v1/reports/weekly-2031-03-03.pdf").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
        assertThat(text).contains("问政周报").contains("十佳单位").contains(U1).contains(U2).contains("96.67").contains("63.75")
                .doesNotContain("#");
        assertThat(text).as("numbered pages").contains("第1页，共").contains("问政〔2031〕周报第10号");

        String csv = given().get("/api/v1/reports/weekly-2031-03-03.csv").then().statusCode(200).extract().asString();
        assertThat(csv.lines()).anyMatch(l -> l.startsWith("scorecard,1," + U2 + ",96.67,2,"))
                .anyMatch(l -> l.startsWith("scorecard,2," + U1 + ",63.75,4,"))
                .anyMatch(l -> l.startsWith("headline,") && l.contains("Received") && l.contains(",6,"));

        try (EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            var event = probe.await(Topics.INSIGHT, seen -> "weekly-2031-03-03".equals(seen.key()), Duration.ofSeconds(30));
            assertThat(event).isPresent();
            assertThat(event.get().header("ce_type")).isEqualTo("wenzheng.insight.report-published.v1");
            assertThat(event.get().value()).contains("/api/v1/reports/weekly-2031-03-03.pdf");
        }
        given().get("/api/v1/reports/weekly-2031-03-10.pdf").then().statusCode(404).contentType("application/problem+json");
        given().post("/api/v1/reports?period=DAILY").then().statusCode(400);
        given().post("/api/v1/reports?period=MONTHLY&date=9999-01-15").then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("date"));
    }

    @Test
    void publishingAPeriodAgainMakesANewVersionAndKeepsTheEarlierOne() {
        awaitTheWholeStream();
        given().get("/api/v1/stats/units").then().statusCode(200)
                .body("find { it.code == '" + U1 + "' }.name", org.hamcrest.Matchers.equalTo("单位" + U1));
        int first = given().post("/api/v1/reports?period=MONTHLY&date=2031-03-06").then().statusCode(201).extract().path("version");
        int second = given().post("/api/v1/reports?period=MONTHLY&date=2031-03-06").then().statusCode(201)
                .body("number", org.hamcrest.Matchers.equalTo("问政〔2031〕月报第3号")).extract().path("version");
        assertThat(second).isEqualTo(first + 1);
        JsonPath list = given().get("/api/v1/reports").then().statusCode(200).extract().jsonPath();
        String report = "find { it.reportId == 'monthly-2031-03-01' }";
        assertThat(list.getInt(report + ".version")).isEqualTo(second);
        assertThat(list.getList(report + ".earlier.version", Integer.class)).startsWith(first);
        String earlierHtml = list.getString(report + ".earlier[0].links.html");
        assertThat(earlierHtml).isEqualTo("/api/v1/reports/monthly-2031-03-01/v" + first + ".html");
        String before = given().get(earlierHtml).then().statusCode(200).header("Content-Security-Policy", org.hamcrest.Matchers.containsString("style-src"))
                .extract().asString();
        assertThat(before).contains("问政月报").contains("问政〔2031〕月报第3号");
        assertThat(given().get("/api/v1/reports/monthly-2031-03-01.html").then().statusCode(200).extract().asString())
                .contains("第 " + second + " 版");
        given().get("/api/v1/reports/monthly-2031-03-01/v" + first + ".pdf").then().statusCode(200).contentType("application/pdf");
        given().get("/api/v1/reports/monthly-2031-03-01/v999.csv").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rebuildingTheReadModelsFromTheTopicsGivesTheSameFigures() {
        awaitTheWholeStream();
        String u1 = unit(measuresBy("UNIT"), U1).prettify();
        String u2 = unit(measuresBy("UNIT"), U2).prettify();
        given().post("/api/v1/admin/read-models/rebuild").then().statusCode(202)
                .body("state", org.hamcrest.Matchers.equalTo("REPLAYING"))
                .body("total", org.hamcrest.Matchers.greaterThan(0));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/api/v1/admin/read-models/rebuild").then()
                .statusCode(200).body("state", org.hamcrest.Matchers.equalTo("DONE")).body("percent", org.hamcrest.Matchers.equalTo(100.0f)));
        awaitTheWholeStream();
        assertThat(unit(measuresBy("UNIT"), U1).prettify()).isEqualTo(u1);
        assertThat(unit(measuresBy("UNIT"), U2).prettify()).isEqualTo(u2);
    }
}
