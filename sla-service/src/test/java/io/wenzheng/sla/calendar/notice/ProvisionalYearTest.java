package io.wenzheng.sla.calendar.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import io.wenzheng.sla.SlaConfig;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service's clock in January 2027, a year with no bundled notice: petitions still get deadlines, marked
 * provisional, and nothing is dead-lettered. Then the year's notice is loaded through the API and the open clocks
 * move, with their history and the move published, and a second instance reading the same database agrees.
 */
@QuarkusTest
@TestProfile(ProvisionalYearTest.In2027.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "sla"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisionalYearTest {
    private static final String SET = "wenzheng.sla.deadline-set.v1";
    /** Invented for the test: Friday 8 and Monday 11 January off, Saturday 9 January a make-up working day. */
    static final String NOTICE_2027 = """
            {"year": 2027, "papers": [], "days": [
              {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
              {"name": "测试调休", "date": "2027-01-08", "isOffDay": true},
              {"name": "测试调休", "date": "2027-01-09", "isOffDay": false},
              {"name": "测试调休", "date": "2027-01-11", "isOffDay": true}]}""";

    public static class In2027 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Wednesday 6 January 2027, 10:00 in Beijing: working time, in a year with no notice.
            // The scheduled refresh waits an hour, so the clocks the load moves are counted by the load's own answer.
            return Map.of("wenzheng.clock.start", "2027-01-06T10:00:00+08:00", "wenzheng.sla.calendar-refresh", "1h");
        }
    }

    @Inject
    Clock clock;
    @Inject
    SlaConfig config;
    @Inject
    CalendarBook book;

    private static String petition;
    private static Instant received;

    @Test
    @Order(1)
    @TestSecurity(user = "operator1", roles = "operator")
    void aPetitionIn2027GetsProvisionalDeadlinesAndNothingIsDeadLettered() throws Exception {
        try (EventProbe probe = probe()) {
            petition = EventProbe.newPetitionId();
            received = clock.instant();
            assertThat(received.toString()).startsWith("2027-01-06T02:");
            probe.publish(new PetitionReceived(petition, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, received, null), "intake-service");
            probe.publish(new PetitionRouted(petition, "环境保护", "A3", "A3区", 0.9, "test", received, null, null, null, List.of()),
                    "routing-service");

            var resolution = probe.await(Topics.SLA, r -> petition.equals(r.key()) && SET.equals(r.header("ce_type"))
                    && r.value().contains("RESOLUTION"), Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no deadline"));
            // 5 working days after 6 January by the statutory rules: 7, 8, 11, 12, 13 January.
            assertThat(resolution.value()).contains("\"dueAt\":\"2027-01-13T09:30:00Z\"").contains("\"calendar\":\"PROVISIONAL\"");
            assertThat(probe.readAll(Topics.LIFECYCLE + ".dlq", Duration.ofSeconds(3))).noneMatch(r -> petition.equals(r.key()));
        }
        given().get("/api/v1/sla/petitions/{id}", petition).then().statusCode(200)
                .body("clocks.find { it.pledge == 'RESOLUTION' }.calendar", equalTo("PROVISIONAL"))
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.timeBasis", equalTo("WORKING_TIME"));
        given().get("/api/v1/calendars/cn").then().statusCode(200)
                .body("years.find { it.year == 2026 }.source", equalTo("BUNDLED"))
                .body("years.find { it.year == 2027 }.source", equalTo("PROVISIONAL"))
                .body("years.find { it.year == 2027 }.daysOff", hasItem("2027-02-05"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "admin1", roles = "admin")
    void aBadNoticeIsRefusedNamingTheEntry() {
        given().contentType(ContentType.JSON).body("{\"year\":2027,\"days\":[{\"date\":\"2027-01-05\",\"isOffDay\":false}]}")
                .put("/api/v1/calendars/cn/years/2027").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("days[0]: 2027-01-05 is a tuesday"));
        given().contentType(ContentType.JSON).body("{\"year\":2028,\"days\":[]}")
                .put("/api/v1/calendars/cn/years/2027").then().statusCode(400).body("detail", containsString("the notice says \"year\": 2028"));
        given().contentType(ContentType.JSON).body(NOTICE_2027).put("/api/v1/calendars/atlantis/years/2027").then().statusCode(404);
        given().contentType(ContentType.JSON).body(NOTICE_2027).put("/api/v1/calendars/cn/years/twenty").then().statusCode(400);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void onlyAnAdministratorLoadsANotice() {
        given().contentType(ContentType.JSON).body(NOTICE_2027).put("/api/v1/calendars/cn/years/2027").then().statusCode(403);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "admin1", roles = "admin")
    void loadingTheNoticeReplansTheOpenClocksAndTellsTheUnit() throws Exception {
        try (EventProbe probe = probe()) {
            given().contentType(ContentType.JSON).body(NOTICE_2027).put("/api/v1/calendars/cn/years/2027").then().statusCode(200)
                    .body("year.source", equalTo("LOADED")).body("year.makeUpWorkdays", hasItem("2027-01-09"))
                    .body("clocksReplanned", greaterThanOrEqualTo(1));

            // Now 7, 9 (make-up Saturday), 12, 13, 14 January: one day later than the unit was told.
            given().get("/api/v1/sla/petitions/{id}", petition).then().statusCode(200)
                    .body("clocks.find { it.pledge == 'RESOLUTION' }.dueAt", equalTo("2027-01-14T09:30:00Z"))
                    .body("clocks.find { it.pledge == 'RESOLUTION' }.calendar", equalTo("OFFICIAL"))
                    .body("history.findAll { it.type == 'wenzheng.sla.deadline-set.v1' }.data.previousDueAt", hasItem("2027-01-13T09:30:00Z"));
            var moved = probe.await(Topics.SLA, r -> petition.equals(r.key()) && SET.equals(r.header("ce_type"))
                    && r.value().contains("CALENDAR_NOTICE") && r.value().contains("RESOLUTION"), Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("the unit was not told"));
            assertThat(moved.value()).contains("\"previousDueAt\":\"2027-01-13T09:30:00Z\"").contains("\"dueAt\":\"2027-01-14T09:30:00Z\"");
        }
        given().get("/api/v1/calendars/cn").then().statusCode(200)
                .body("years.find { it.year == 2027 }.source", equalTo("LOADED"))
                .body("years.find { it.year == 2028 }.source", equalTo("PROVISIONAL"));

        // A second instance: its own book, built from the same configuration, reading the notices from the database.
        CalendarBook second = new CalendarBook(config, clock);
        assertThat(second.rules().deadlines(null, "环境保护").resolutionDue(received)).as("before its refresh")
                .isEqualTo(Instant.parse("2027-01-13T09:30:00Z"));
        assertThat(second.apply(noticesInTheDatabase())).isTrue();
        assertThat(second.rules().deadlines(null, "环境保护").resolutionDue(received)).isEqualTo(Instant.parse("2027-01-14T09:30:00Z"))
                .isEqualTo(book.rules().deadlines(null, "环境保护").resolutionDue(received));
        assertThat(second.apply(noticesInTheDatabase())).as("nothing new on the next refresh").isFalse();
    }

    @Test
    @Order(5)
    @TestSecurity(user = "admin1", roles = "admin")
    void reloadingTheSameNoticeMovesNothing() {
        given().contentType(ContentType.JSON).body(NOTICE_2027).put("/api/v1/calendars/cn/years/2027").then().statusCode(200)
                .body("clocksReplanned", equalTo(0));
    }

    private static List<HolidayNotice> noticesInTheDatabase() throws Exception {
        var cfg = ConfigProvider.getConfig();
        List<HolidayNotice> rows = new ArrayList<>();
        try (var db = DriverManager.getConnection(cfg.getValue("quarkus.datasource.jdbc.url", String.class),
                cfg.getValue("quarkus.datasource.username", String.class), cfg.getValue("quarkus.datasource.password", String.class));
             var rs = db.createStatement().executeQuery("select region, year, document, loaded_at, loaded_by from holiday_notice")) {
            while (rs.next()) {
                HolidayNotice n = new HolidayNotice();
                n.region = rs.getString(1);
                n.year = rs.getInt(2);
                n.document = rs.getString(3);
                n.loadedAt = rs.getTimestamp(4).toInstant();
                n.loadedBy = rs.getString(5);
                rows.add(n);
            }
        }
        return rows;
    }

    private static EventProbe probe() {
        return new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }
}
