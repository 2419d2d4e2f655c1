package io.wenzheng.sla.timer;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.CitizenReplied;
import io.wenzheng.contracts.PetitionAwaitingCitizen;
import io.wenzheng.contracts.PetitionProgressReported;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "sla"))
class PledgeTrackerTest {
    private static final String SET = "wenzheng.sla.deadline-set.v1";
    private static final String BREACHED = "wenzheng.sla.breached.v1";
    private static final String MET = "wenzheng.sla.met.v1";
    private static final String WARNING = "wenzheng.sla.warning.v1";
    private static final String ESCALATED = "wenzheng.sla.escalated.v1";
    private static final String PAUSED = "wenzheng.sla.paused.v1";
    private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");
    private static final io.wenzheng.sla.calendar.WorkCalendar CALENDAR = io.wenzheng.sla.calendar.HolidayData.defaultCalendar();
    private static final io.wenzheng.sla.pledge.PetitionDeadlines DEADLINES =
            new io.wenzheng.sla.pledge.PetitionDeadlines(CALENDAR, io.wenzheng.sla.pledge.PledgePolicy.DEFAULT);
    private EventProbe probe;
    /** The service's clock: in the test profile a working-day morning, whatever the machine's hour (see application.properties). */
    @jakarta.inject.Inject
    java.time.Clock clock;

    @BeforeEach
    void setUp() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        probe = new EventProbe(bootstrap);
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void anExpiredTimerBreachesOnceAndNamesTheUnit() throws InterruptedException {
        String id = EventProbe.newPetitionId();
        // Saturday 2026-11-28 10:00 in Shanghai: rest time, so 8 hours, long past.
        Instant received = Instant.parse("2026-11-28T02:00:00Z");
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, received, null), "intake-service");
        probe.publish(new PetitionRouted(id, "环境保护", "A3", "A3区", 0.9, "test", received.plusSeconds(1), null, null, null), "routing-service");

        var set = probe.await(Topics.SLA, r -> id.equals(r.key()) && SET.equals(r.header("ce_type")) && r.value().contains("FIRST_RESPONSE"),
                Duration.ofSeconds(20)).orElseThrow();
        assertThat(set.value()).contains("\"timeBasis\":\"REST_TIME\"").contains("\"dueAt\":\"2026-11-28T10:00:00Z\"");
        var resolution = probe.await(Topics.SLA, r -> id.equals(r.key()) && SET.equals(r.header("ce_type")) && r.value().contains("RESOLUTION"),
                Duration.ofSeconds(20)).orElseThrow();
        // Saturday: the fifth working day after it is Friday 4 December, 17:30 in Shanghai.
        assertThat(resolution.value()).contains("\"dueAt\":\"2026-12-04T09:30:00Z\"");
        var breached = probe.await(Topics.SLA, r -> id.equals(r.key()) && BREACHED.equals(r.header("ce_type")), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no breach"));
        assertThat(breached.header("ce_source")).isEqualTo("sla-service");
        // The deadline was long past on receipt, so the breach may fire before the routed event reaches sla: the
        // breach names the unit only if routing came first. The clock and the board below name it either way.
        assertThat(breached.value()).contains("\"late\":true");

        // Escalation delays are 0 s, 1 s and 2 s in the test profile: the whole chain runs, once.
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(id, ESCALATED).size() == 3);
        Thread.sleep(3000); // several more watch rounds
        assertThat(eventsOf(id, BREACHED)).hasSize(1);
        List<EventProbe.Seen> escalations = eventsOf(id, ESCALATED);
        assertThat(escalations).hasSize(3);
        assertThat(escalations.get(0).value()).contains("\"level\":1").contains("UNIT_STAFF");
        assertThat(escalations.get(2).value()).contains("\"level\":3").contains("SUPERVISION_OFFICE");
        assertThat(eventsOf(id, WARNING)).as("no warning once the deadline has passed").isEmpty();

        given().get("/api/v1/sla/petitions/" + id).then().statusCode(200)
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.state", equalTo("BREACHED"))
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.escalationLevel", equalTo(3))
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.unitCode", equalTo("A3"))
                .body("clocks.find { it.pledge == 'RESOLUTION' }.state", equalTo("RUNNING"))
                .body("history.type", org.hamcrest.Matchers.hasItems(SET, BREACHED, ESCALATED));
        given().queryParam("unit", "A3").get("/api/v1/sla/board").then().statusCode(200)
                .body("escalated.petitionId", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void aSupervisorEscalatesOnceAndChasesTheUnitWithANote() {
        String id = EventProbe.newPetitionId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, now, null), "intake-service");
        probe.publish(new PetitionRouted(id, "环境保护", "A3", "A3区", 0.9, "test", now.plusSeconds(1), null, null, "A3"), "routing-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/sla/petitions/" + id).then().statusCode(200)
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.unitCode", equalTo("A3")));

        given().contentType("application/json").body("{\"note\":\" \"}").post("/api/v1/sla/petitions/" + id + "/chases")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"note\":\"请今日答复\"}").post("/api/v1/sla/petitions/" + id + "/chases")
                .then().statusCode(200).body("pledge", equalTo("FIRST_RESPONSE"));
        var chased = probe.await(Topics.SLA, r -> id.equals(r.key()) && "wenzheng.sla.chased.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("the chase was not published"));
        assertThat(chased.value()).contains("请今日答复");
        given().queryParam("district", "A3").queryParam("within", "PT2H").get("/api/v1/sla/board").then().statusCode(200)
                .body("dueSoon.find { it.petitionId == '" + id + "' && it.pledge == 'FIRST_RESPONSE' }.chases", equalTo(1))
                .body("dueSoon.find { it.petitionId == '" + id + "' && it.pledge == 'FIRST_RESPONSE' }.districtCode", equalTo("A3"))
                .body("dueSoon.find { it.petitionId == '" + id + "' && it.pledge == 'FIRST_RESPONSE' }.trackingCode", equalTo("ABCDEFGH"))
                .body("dueSoon.find { it.petitionId == '" + id + "' && it.pledge == 'FIRST_RESPONSE' }.title", equalTo("噪音"));
        given().queryParam("district", "A9").queryParam("within", "PT2H").get("/api/v1/sla/board").then().statusCode(200)
                .body("dueSoon.petitionId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));

        given().contentType("application/json").body("{\"note\":\"群众反映强烈，列入督办\"}").post("/api/v1/sla/petitions/" + id + "/escalations")
                .then().statusCode(200).body("escalationLevel", equalTo(3));
        given().contentType("application/json").body("{\"note\":\"again\"}").post("/api/v1/sla/petitions/" + id + "/escalations")
                .then().statusCode(409).contentType("application/problem+json");
        var escalated = probe.await(Topics.SLA, r -> id.equals(r.key()) && ESCALATED.equals(r.header("ce_type")), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no escalation event"));
        assertThat(escalated.value()).contains("SUPERVISION_OFFICE").contains("列入督办");
        // Escalated before its deadline: listed under escalated, and only there.
        given().queryParam("district", "A3").queryParam("within", "PT2H").get("/api/v1/sla/board").then().statusCode(200)
                .body("escalated.findAll { it.petitionId == '" + id + "' }.pledge", org.hamcrest.Matchers.contains("FIRST_RESPONSE"))
                .body("escalated.find { it.petitionId == '" + id + "' }.state", equalTo("RUNNING"))
                .body("dueSoon.findAll { it.petitionId == '" + id + "' && it.pledge == 'FIRST_RESPONSE' }", org.hamcrest.Matchers.empty());
        // A window nothing falls in still shows the clocks that come next: the resolution clock is days away.
        given().queryParam("district", "A3").queryParam("within", "PT1M").get("/api/v1/sla/board").then().statusCode(200)
                .body("nextDue.findAll { it.petitionId == '" + id + "' }.pledge", org.hamcrest.Matchers.hasItem("RESOLUTION"))
                .body("nextDue.size()", org.hamcrest.Matchers.lessThanOrEqualTo(10));
        given().contentType("application/json").body("{\"note\":\"n\"}").post("/api/v1/sla/petitions/01JDQ8Z6X0ABCDEFGHJKMNPQRS/chases")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRejectedPetitionsClocksStopWithoutAMetOrABreach() throws InterruptedException {
        String id = EventProbe.newPetitionId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WEB, null, "广告", null, null, now, null), "intake-service");
        probe.await(Topics.SLA, r -> id.equals(r.key()) && SET.equals(r.header("ce_type")), Duration.ofSeconds(20)).orElseThrow();
        probe.publish(new io.wenzheng.contracts.PetitionRejected(id, io.wenzheng.contracts.PetitionRejected.RejectionReason.SPAM, null,
                now.plusSeconds(5)), "routing-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/sla/petitions/" + id).then().statusCode(200)
                .body("clocks.state", org.hamcrest.Matchers.everyItem(equalTo("CANCELLED"))));
        given().contentType("application/json").body("{\"note\":\"n\"}").post("/api/v1/sla/petitions/" + id + "/chases")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(eventsOf(id, MET)).isEmpty();
    }

    @Test
    void aResponseInTimeMeetsThePledgeAndNothingBreaches() throws InterruptedException {
        String id = EventProbe.newPetitionId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WECHAT, null, "噪音", null, null, now, null), "intake-service");
        probe.await(Topics.SLA, r -> id.equals(r.key()) && SET.equals(r.header("ce_type")), Duration.ofSeconds(20)).orElseThrow();
        probe.publish(new PetitionResponded(id, "A3", "已收到", now.plusSeconds(60)), "intake-service");

        var met = probe.await(Topics.SLA, r -> id.equals(r.key()) && MET.equals(r.header("ce_type")), Duration.ofSeconds(20));
        assertThat(met).isPresent();
        assertThat(met.get().value()).contains("\"elapsedSeconds\":60").contains("FIRST_RESPONSE");
        assertThat(eventsOf(id, BREACHED)).isEmpty();
    }

    @Test
    void aRedeliveredReceivedEventSetsOneDeadline() {
        String id = EventProbe.newPetitionId();
        var event = new PetitionReceived(id, "ABCDEFGH", Channel.HOTLINE, null, "噪音", null, null, clock.instant(), null);
        probe.publish(Topics.LIFECYCLE, event, "intake-service", "dup-" + id);
        probe.publish(Topics.LIFECYCLE, event, "intake-service", "dup-" + id);
        probe.publish(Topics.LIFECYCLE, event, "intake-service", "other-" + id);
        probe.await(Topics.SLA, r -> id.equals(r.key()) && SET.equals(r.header("ce_type")), Duration.ofSeconds(20)).orElseThrow();
        // Both copies and the third distinct delivery sit on one partition, before any later event of this key.
        String marker = EventProbe.newPetitionIdOnPartitionOf(id, 6);
        probe.publish(new PetitionReceived(marker, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, clock.instant(), null), "intake-service");
        probe.await(Topics.SLA, r -> marker.equals(r.key()) && SET.equals(r.header("ce_type")), Duration.ofSeconds(20)).orElseThrow();
        assertThat(eventsOf(id, SET)).hasSize(2);
        assertThat(eventsOf(id, SET)).anyMatch(r -> r.value().contains("FIRST_RESPONSE")).anyMatch(r -> r.value().contains("RESOLUTION"));
    }

    /**
     * The batch runs in one transaction on the pool: a routing whose unit code the database refuses (too long for its
     * column) fails it, the batch is split, the other routings commit, and the refused one goes to the dead-letter
     * topic at once. Its claim went with the rolled-back transaction, so once fixed it is replayed under its own id
     * and taken, not dropped as a repeat.
     */
    @Test
    void aBatchWithARoutingTheDatabaseRefusesCommitsTheRestAndDeadLettersThatOne() {
        String first = EventProbe.newPetitionId();
        List<String> ids = List.of(first, EventProbe.newPetitionIdOnPartitionOf(first, 6), EventProbe.newPetitionIdOnPartitionOf(first, 6));
        Instant received = clock.instant();
        for (String id : ids) {
            probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, received, null), "intake-service");
        }
        for (String id : ids) {
            probe.await(Topics.SLA, r -> id.equals(r.key()) && SET.equals(r.header("ce_type")) && r.value().contains("RESOLUTION"),
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no clocks for " + id));
        }
        String refusedId = java.util.UUID.randomUUID().toString();
        String tooLong = "A".repeat(101);
        probe.publishTogether(List.of(
                new EventProbe.Outgoing(Topics.LIFECYCLE, routed(ids.get(0), "A3", received), "routing-service", java.util.UUID.randomUUID().toString()),
                new EventProbe.Outgoing(Topics.LIFECYCLE, routed(ids.get(1), tooLong, received), "routing-service", refusedId),
                new EventProbe.Outgoing(Topics.LIFECYCLE, routed(ids.get(2), "A3", received), "routing-service", java.util.UUID.randomUUID().toString())));

        var deadLetter = probe.await(Topics.deadLetter(Topics.LIFECYCLE), r -> refusedId.equals(r.header("ce_id")), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("the refused routing was not dead-lettered"));
        assertThat(deadLetter.header("dead-letter-reason")).contains("too long");
        for (String id : List.of(ids.get(0), ids.get(2))) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/sla/petitions/" + id).then().statusCode(200)
                    .body("clocks.unitCode", org.hamcrest.Matchers.everyItem(equalTo("A3"))));
        }
        given().get("/api/v1/sla/petitions/" + ids.get(1)).then().statusCode(200)
                .body("clocks.unitCode", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));

        probe.publish(Topics.LIFECYCLE, routed(ids.get(1), "A3", received), "routing-service", refusedId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/sla/petitions/" + ids.get(1)).then()
                .body("clocks.unitCode", org.hamcrest.Matchers.everyItem(equalTo("A3"))));
    }

    private static PetitionRouted routed(String id, String unitCode, Instant received) {
        return new PetitionRouted(id, "环境保护", unitCode, "A3区", 0.9, "test", received.plusSeconds(1), null, null, null);
    }

    @Test
    void aUnitIsWarnedAtEightyPercentOnThePetitionTopicAndItsFeed() {
        var pledge = new io.wenzheng.sla.pledge.PetitionDeadlines(io.wenzheng.sla.calendar.HolidayData.defaultCalendar(),
                io.wenzheng.sla.pledge.PledgePolicy.DEFAULT);
        Instant now = clock.instant();
        // A receipt instant in the past whose warning comes 4-12 s from now, when the routed event has given the
        // clock its unit, and whose deadline is still at least two minutes away.
        Instant received = java.util.stream.IntStream.rangeClosed(1, 470 * 60).mapToObj(sec -> now.minus(Duration.ofSeconds(sec)))
                .filter(t -> {
                    var d = pledge.firstResponse(t);
                    Instant warnAt = t.plusMillis(Math.round(Duration.between(t, d.dueAt()).toMillis() * 0.8));
                    return warnAt.isAfter(now.plusSeconds(4)) && warnAt.isBefore(now.plusSeconds(12))
                            && d.dueAt().isAfter(now.plus(Duration.ofMinutes(2)));
                }).findFirst().orElseThrow();
        String id = EventProbe.newPetitionId();
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, received, null), "intake-service");
        probe.publish(new PetitionRouted(id, "环境保护", "A3", "A3区", 0.9, "test", received, null, null, null), "routing-service");

        var warning = probe.await(Topics.SLA, r -> id.equals(r.key()) && WARNING.equals(r.header("ce_type")), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no warning"));
        assertThat(warning.value()).contains("\"elapsedShare\":0.8").contains("FIRST_RESPONSE");
        assertThat(eventsOf(id, BREACHED)).isEmpty();
    }

    @Test
    void previewAnswersTheDeadlineQuestionAndRejectsBadInstants() {
        given().queryParam("receivedAt", "2026-11-27T01:30:00Z").get("/api/v1/sla/preview").then().statusCode(200)
                .body("timeBasis", equalTo("WORKING_TIME")).body("firstResponseDue", equalTo("2026-11-27T02:30:00Z"))
                .body("resolutionDue", equalTo("2026-12-04T09:30:00Z"));
        given().queryParam("receivedAt", "yesterday").get("/api/v1/sla/preview").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("receivedAt"));
        given().queryParam("receivedAt", "2026-11-27T01:30:00Z").get("/api/v1/sla/preview").then().body("calendar", equalTo("OFFICIAL"));
        given().queryParam("receivedAt", "2027-06-01T01:30:00Z").get("/api/v1/sla/preview").then().statusCode(200)
                .body("calendar", equalTo("PROVISIONAL")).body("resolutionDue", equalTo("2027-06-08T09:30:00Z"));
        given().queryParam("receivedAt", "2036-06-01T01:30:00Z").get("/api/v1/sla/preview").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("the statutory rules compute only 2025–2035"));
        given().queryParam("within", "soon").get("/api/v1/sla/board").then().statusCode(400);
        given().get("/api/v1/sla/petitions/01JDQ8Z6X0ABCDEFGHJKMNPQRS").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theFirstResponseOpensAProgressClockThatEachReportRestarts() {
        String id = EventProbe.newPetitionId();
        Instant received = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant responded = received.plusSeconds(60);
        Instant reported = received.plus(Duration.ofDays(2));
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, received, null), "intake-service");
        probe.publish(new PetitionRouted(id, "环境保护", "A3", "A3区", 0.9, "test", received, null, null, null), "routing-service");
        probe.publish(new PetitionResponded(id, "A3", "已收到", responded), "intake-service");

        var progress = awaitSla(id, SET, "\"pledge\":\"PROGRESS\"");
        assertThat(progress.value()).contains("\"dueAt\":\"" + DEADLINES.progressDue(responded) + "\"");

        probe.publish(new PetitionProgressReported(id, "A3", "已约谈商户", reported), "intake-service");
        assertThat(awaitSla(id, MET, "\"pledge\":\"PROGRESS\"").value()).contains("\"elapsedSeconds\":" + (2 * 86400 - 60));
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(id, SET).stream().anyMatch(
                r -> r.value().contains("PROGRESS") && r.value().contains("\"dueAt\":\"" + DEADLINES.progressDue(reported) + "\"")));

        probe.publish(new PetitionResolved(id, "A3", "已整改", reported.plusSeconds(3600)), "intake-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/sla/petitions/" + id).then().statusCode(200)
                .body("clocks.state", org.hamcrest.Matchers.everyItem(equalTo("MET")))
                .body("clocks.pledge", org.hamcrest.Matchers.containsInAnyOrder("FIRST_RESPONSE", "RESOLUTION", "PROGRESS")));
    }

    @Test
    void aReopenedPetitionOwesANewResolutionWithProgressReports() {
        String id = EventProbe.newPetitionId();
        Instant received = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant resolved = received.plus(Duration.ofDays(1));
        Instant reopened = resolved.plus(Duration.ofDays(2));
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, received, null), "intake-service");
        probe.publish(new PetitionRouted(id, "环境保护", "A3", "A3区", 0.9, "test", received, null, null, null), "routing-service");
        probe.publish(new PetitionResponded(id, "A3", "已收到", received.plusSeconds(60)), "intake-service");
        probe.publish(new PetitionResolved(id, "A3", "已整改", resolved), "intake-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/sla/petitions/" + id).then()
                .body("clocks.state", org.hamcrest.Matchers.everyItem(equalTo("MET"))));

        probe.publish(new io.wenzheng.contracts.PetitionReopened(id, "A3", "只修了一半", reopened), "intake-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/sla/petitions/" + id).then()
                .body("clocks.find { it.pledge == 'RESOLUTION' }.state", equalTo("RUNNING"))
                .body("clocks.find { it.pledge == 'RESOLUTION' }.dueAt", equalTo(DEADLINES.resolutionDue(reopened).toString()))
                .body("clocks.find { it.pledge == 'PROGRESS' }.state", equalTo("RUNNING"))
                .body("clocks.find { it.pledge == 'PROGRESS' }.dueAt", equalTo(DEADLINES.progressDue(reopened).toString()))
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.state", equalTo("MET")));
        // A redelivered reopening changes nothing; a new resolution meets the new clock.
        probe.publish(new io.wenzheng.contracts.PetitionReopened(id, "A3", "只修了一半", reopened), "intake-service");
        probe.publish(new PetitionResolved(id, "A3", "已全部修好", reopened.plus(Duration.ofDays(1))), "intake-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/sla/petitions/" + id).then()
                .body("clocks.state", org.hamcrest.Matchers.everyItem(equalTo("MET"))));
    }

    @Test
    void waitingForTheCitizenStopsTheResolutionClockAndTheAnswerRestartsItWithTheTimeLeft() {
        String id = EventProbe.newPetitionId();
        Instant received = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant asked = received.plusSeconds(120);
        Instant answered = asked.plus(Duration.ofDays(3));
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, received, null), "intake-service");
        probe.publish(new PetitionRouted(id, "环境保护", "A3", "A3区", 0.9, "test", received, null, null, null), "routing-service");
        probe.publish(new PetitionResponded(id, "A3", "已收到", received.plusSeconds(60)), "intake-service");
        awaitSla(id, SET, "PROGRESS");
        probe.publish(new PetitionAwaitingCitizen(id, "A3", "请提供门牌号", asked), "intake-service");

        Instant resolutionDue = DEADLINES.resolutionDue(received);
        long left = CALENDAR.workingTimeBetween(asked, resolutionDue).toSeconds();
        var paused = awaitSla(id, PAUSED, "RESOLUTION");
        assertThat(paused.value()).contains("\"workingSecondsLeft\":" + left);
        awaitSla(id, PAUSED, "PROGRESS");
        given().get("/api/v1/sla/petitions/" + id).then().statusCode(200)
                .body("clocks.find { it.pledge == 'RESOLUTION' }.state", equalTo("PAUSED"))
                .body("clocks.find { it.pledge == 'RESOLUTION' }.nextActionAt", org.hamcrest.Matchers.nullValue());
        given().queryParam("unit", "A3").get("/api/v1/sla/board").then().statusCode(200)
                .body("waitingForCitizen.petitionId", org.hamcrest.Matchers.hasItem(id))
                .body("dueSoon.petitionId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));

        probe.publish(new CitizenReplied(id, "建设路12号", answered), "intake-service");
        Instant moved = DEADLINES.resumedDue(asked, resolutionDue, answered);
        assertThat(moved).isAfter(resolutionDue);
        assertThat(CALENDAR.workingTimeBetween(answered, moved).toSeconds()).isEqualTo(left);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/sla/petitions/" + id).then()
                .body("clocks.find { it.pledge == 'RESOLUTION' }.state", equalTo("RUNNING"))
                .body("clocks.find { it.pledge == 'RESOLUTION' }.dueAt", equalTo(moved.toString())));
    }

    @Test
    void aCategoryThatDoesNotPauseAndAUnitInAnotherRegionChangeTheDeadlines() {
        // A working day at least two days ahead, 09:30 in Shanghai: office time in the default region, not yet in Xinjiang.
        java.time.LocalDate day = java.time.LocalDate.now(SHANGHAI).plusDays(2);
        while (!CALENDAR.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        Instant received = day.atTime(9, 30).atZone(SHANGHAI).toInstant();
        String id = EventProbe.newPetitionId();
        probe.publish(new PetitionReceived(id, "ABCDEFGH", Channel.WEB, null, "违建", null, null, received, null), "intake-service");
        assertThat(awaitSla(id, SET, "FIRST_RESPONSE").value()).contains("WORKING_TIME")
                .contains("\"dueAt\":\"" + received.plus(Duration.ofHours(1)) + "\"");
        Instant defaultResolution = DEADLINES.resolutionDue(received);

        probe.publish(new PetitionRouted(id, "城乡建设", "A3", "A3区", 0.9, "test", received, "xinjiang", null, null), "routing-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/sla/petitions/" + id).then()
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.timeBasis", equalTo("REST_TIME"))
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.dueAt", equalTo(received.plus(Duration.ofHours(8)).toString()))
                .body("clocks.find { it.pledge == 'FIRST_RESPONSE' }.region", equalTo("xinjiang")));
        // 城乡建设 has ten working days, and Xinjiang's office day ends at 19:30 rather than 17:30.
        Instant tenDays = new io.wenzheng.sla.pledge.PetitionDeadlines(CALENDAR,
                new io.wenzheng.sla.pledge.PledgePolicy(Duration.ofHours(1), Duration.ofHours(8), 10, 3, true)).resolutionDue(received);
        assertThat(tenDays).isAfter(defaultResolution);
        given().get("/api/v1/sla/petitions/" + id).then()
                .body("clocks.find { it.pledge == 'RESOLUTION' }.dueAt", equalTo(tenDays.plus(Duration.ofHours(2)).toString()));

        probe.publish(new PetitionResponded(id, "A3", "已收到", received.plusSeconds(60)), "intake-service");
        awaitSla(id, SET, "PROGRESS");
        probe.publish(new PetitionAwaitingCitizen(id, "A3", "请提供照片", received.plusSeconds(120)), "intake-service");
        String marker = EventProbe.newPetitionIdOnPartitionOf(id, 6);
        probe.publish(new PetitionReceived(marker, "ABCDEFGH", Channel.WEB, null, "噪音", null, null, clock.instant(), null), "intake-service");
        awaitSla(marker, SET, "FIRST_RESPONSE");
        assertThat(eventsOf(id, PAUSED)).as("城乡建设 does not pause while waiting").isEmpty();
    }

    private EventProbe.Seen awaitSla(String id, String type, String contains) {
        return probe.await(Topics.SLA, r -> id.equals(r.key()) && type.equals(r.header("ce_type")) && r.value().contains(contains),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no " + type + " with " + contains + " for " + id));
    }

    private List<EventProbe.Seen> eventsOf(String id, String type) {
        return probe.readAll(Topics.SLA, Duration.ofSeconds(5)).stream()
                .filter(r -> id.equals(r.key()) && type.equals(r.header("ce_type"))).toList();
    }

}
