package io.wenzheng.routing.decision;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.Location;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class PetitionRoutingTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private EventProbe probe;

    @BeforeEach
    void setUp() throws Exception {
        probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        given().contentType(ContentType.JSON).body(Files.readString(Path.of("../deploy/demo/directory.json")))
                .put("/api/v1/directory").then().statusCode(200).body("units", equalTo(16));
        assertThat(probeTopics()).as("each unit's feed and command topic exist before its first petition")
                .contains("unit.A3.feed", "unit.A-ENV.feed", "unit.commands.A3", "unit.commands.A-ENV");
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void routesByDutyAndLocality() {
        String id = EventProbe.newPetitionId();
        String eventId = probe.publish(received(id, "夜里工地施工噪音太大", "A市A3区桐梓坡西路"), "intake-service");

        var routed = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.routed.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no routed event"));
        assertThat(routed.header("ce_source")).isEqualTo("routing-service");
        assertThat(routed.header("ce_subject")).isEqualTo(id);
        assertThat(routed.header("ce_id")).isNotEqualTo(eventId);
        assertThat(routed.value()).contains("\"unitCode\":\"A3\"").contains("\"category\":\"环境保护\"")
                .contains("\"subcategory\":\"环境污染\"")
                .contains("\"explanation\":{\"rule\":\"locality\"").contains("\"A3区\"]");


        given().get("/api/v1/routing/decisions/" + id).then().statusCode(200)
                .body("outcome", equalTo("ROUTED"))
                .body("unitCode", equalTo("A3"))
                .body("reason", containsString("A3区"));
    }

    @Test
    void unrecognisedTextGoesToTriage() {
        String id = EventProbe.newPetitionId();
        probe.publish(received(id, "你好", null), "intake-service");
        var triaged = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.triage-required.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(20));
        assertThat(triaged).isPresent();
        given().get("/api/v1/routing/decisions/" + id).then().body("outcome", equalTo("TRIAGE"));
    }

    @Test
    void aVagueCaseSaysInWordsWhyItWaitsAndWhereAcceptingWouldSendIt() {
        String id = EventProbe.newPetitionId();
        probe.publish(received(id, "请领导关注一下", "A市A3区"), "intake-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/v1/triage").then().statusCode(200).body("petitionId", hasItem(id)));
        String card = "find { it.petitionId == '" + id + "' }";
        given().get("/api/v1/triage").then()
                .body(card + ".why", equalTo("LOW_CONFIDENCE"))
                .body(card + ".words", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()))
                .body(card + ".words", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(":"))))
                .body(card + ".proposedUnit.code", org.hamcrest.Matchers.notNullValue())
                .body(card + ".proposedUnit.name", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/routing/model").then().body("minConfidence", equalTo(0.5f)).body("confirmBelow", equalTo(0.3f));
    }

    @Test
    void anOperatorDecisionRoutesATriageCaseOnceAndBecomesALabelledExample() {
        String id = EventProbe.newPetitionId();
        PetitionReceived petition = received(id, "你好", "A市A3区");
        probe.publish(petition, "intake-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/v1/triage").then().statusCode(200).body("petitionId", hasItem(id)));
        // What the operator's queue shows instead of the id.
        given().get("/api/v1/triage").then().body("find { it.petitionId == '" + id + "' }.trackingCode", equalTo(petition.trackingCode()))
                .body("find { it.petitionId == '" + id + "' }.why", org.hamcrest.Matchers.oneOf("NO_CATEGORY", "LOW_CONFIDENCE"));

        given().contentType(ContentType.JSON).body("{\"category\":\"没有这个分类\"}")
                .post("/api/v1/triage/" + id + "/decision").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
        int learnedBefore = given().get("/api/v1/routing/model").then().statusCode(200).extract().path("correctionsLearned");
        given().contentType(ContentType.JSON).body("{\"category\":\"环境保护\"}")
                .post("/api/v1/triage/" + id + "/decision").then().statusCode(200)
                .body("unitCode", equalTo("A3"));
        given().get("/api/v1/routing/model").then().body("correctionsLearned", equalTo(learnedBefore + 1));
        given().contentType(ContentType.JSON).body("{\"category\":\"环境保护\"}")
                .post("/api/v1/triage/" + id + "/decision").then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"category\":\"环境保护\"}")
                .post("/api/v1/triage/01JDQ8Z6X0ABCDEFGHJKMNPQRS/decision").then().statusCode(404);

        var routed = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.routed.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("operator decision not published"));
        assertThat(routed.value()).contains("\"unitCode\":\"A3\"").contains("operator decision");
        given().get("/api/v1/triage").then().body("petitionId", org.hamcrest.Matchers.not(hasItem(id)));
        given().get("/api/v1/routing/decisions/" + id).then().body("outcome", equalTo("ROUTED")).body("reason", containsString("operator"));
    }

    @Test
    void anOperatorRejectsSpamAndMergesARepeatAndBothLeaveTheQueue() {
        String spam = EventProbe.newPetitionId();
        String repeat = EventProbe.newPetitionId();
        String original = EventProbe.newPetitionId();
        probe.publish(received(original, "夜里工地施工噪音太大", "A市A3区桐梓坡西路"), "intake-service");
        probe.publish(received(spam, "你好", null), "intake-service");
        probe.publish(received(repeat, "你好", null), "intake-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/v1/triage").then().statusCode(200).body("petitionId", hasItems(spam, repeat)));
        awaitRouted(original, "A3");

        given().contentType(ContentType.JSON).body("{\"reason\":\"NOT_A_REASON\"}")
                .post("/api/v1/triage/" + spam + "/rejection").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"reason\":\"SPAM\",\"note\":\"广告\"}")
                .post("/api/v1/triage/" + spam + "/rejection").then().statusCode(200).body("rejected", equalTo("SPAM"));
        given().contentType(ContentType.JSON).body("{\"category\":\"环境保护\"}")
                .post("/api/v1/triage/" + spam + "/decision").then().statusCode(409).contentType("application/problem+json");

        given().contentType(ContentType.JSON).body("{\"originalId\":\"" + repeat + "\"}")
                .post("/api/v1/triage/" + repeat + "/merge").then().statusCode(400).body("errors[0].field", equalTo("originalId"));
        given().contentType(ContentType.JSON).body("{\"originalId\":\"01JDQ8Z6X0ABCDEFGHJKMNPQRS\"}")
                .post("/api/v1/triage/" + repeat + "/merge").then().statusCode(400).body("errors[0].field", equalTo("originalId"));
        given().contentType(ContentType.JSON).body("{\"originalId\":\"" + original + "\",\"note\":\"同一工地\"}")
                .post("/api/v1/triage/" + repeat + "/merge").then().statusCode(200).body("mergedInto", equalTo(original));

        var rejected = probe.await(Topics.LIFECYCLE, r -> spam.equals(r.key()) && "wenzheng.petition.rejected.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no rejected event"));
        assertThat(rejected.value()).contains("\"reason\":\"SPAM\"").contains("广告");
        var merged = probe.await(Topics.LIFECYCLE, r -> repeat.equals(r.key()) && "wenzheng.petition.merged.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no merged event"));
        assertThat(merged.value()).contains("\"originalId\":\"" + original + "\"");
        given().get("/api/v1/triage").then().body("petitionId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems(spam)))
                .body("petitionId", org.hamcrest.Matchers.not(hasItem(repeat)));
        given().get("/api/v1/routing/decisions/" + spam).then().body("outcome", equalTo("REJECTED"));
        given().get("/api/v1/routing/decisions/" + repeat).then().body("outcome", equalTo("MERGED")).body("reason", containsString(original));
    }

    @Test
    void aHandedBackPetitionGoesElsewhereAndAfterTwoBouncesToASupervisor() {
        String id = EventProbe.newPetitionId();
        probe.publish(received(id, "夜里工地施工噪音太大，吵得睡不着", "A市A3区"), "intake-service");
        awaitRouted(id, "A3");

        probe.publish(new io.wenzheng.contracts.PetitionReturned(id, "A3", "市级重点工程，由市生态环境局监管", Instant.now()), "intake-service");
        awaitRouted(id, "A-ENV");

        probe.publish(new io.wenzheng.contracts.PetitionReturned(id, "A-ENV", "不属于本单位职责", Instant.now()), "intake-service");
        var triage = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.triage-required.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no supervisor triage after two hand-backs"));
        assertThat(triage.value()).contains("handed back 2 times").contains("A3").contains("A-ENV").contains("supervisor");
        given().get("/api/v1/triage").then().body("find { it.petitionId == '" + id + "' }.supervisor", equalTo(true))
                .body("find { it.petitionId == '" + id + "' }.why", equalTo("BOUNCED"))
                .body("find { it.petitionId == '" + id + "' }.handBacks.unitCode", org.hamcrest.Matchers.contains("A3", "A-ENV"))
                .body("find { it.petitionId == '" + id + "' }.handBacks[1].reason", equalTo("不属于本单位职责"))
                .body("find { it.petitionId == '" + id + "' }.proposedUnit.name", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anOperatorTransfersAPetitionToAnotherUnit() {
        String id = EventProbe.newPetitionId();
        probe.publish(received(id, "夜里工地施工噪音太大，吵得睡不着", "A市A3区"), "intake-service");
        awaitRouted(id, "A3");

        given().contentType(ContentType.JSON).body(java.util.Map.of("petitionId", id, "unitCode", "NOPE", "reason", "x"))
                .post("/api/v1/routing/transfers").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(java.util.Map.of("petitionId", id, "unitCode", "A3", "reason", "x"))
                .post("/api/v1/routing/transfers").then().statusCode(409);
        given().contentType(ContentType.JSON).body(java.util.Map.of("petitionId", "01JDQ8Z6X0ABCDEFGHJKMNPQRS", "unitCode", "A-ENV", "reason", "x"))
                .post("/api/v1/routing/transfers").then().statusCode(404);
        given().contentType(ContentType.JSON).body(java.util.Map.of("petitionId", id, "unitCode", "A-ENV"))
                .post("/api/v1/routing/transfers").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(java.util.Map.of("petitionId", id, "unitCode", "A-ENV", "reason", "市级重点工程"))
                .post("/api/v1/routing/transfers").then().statusCode(200)
                .body("fromUnitCode", equalTo("A3")).body("toUnitCode", equalTo("A-ENV"));

        assertThat(probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.transferred.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(20))).get().extracting(EventProbe.Seen::value).asString()
                .as("the new unit's calendar travels with it, for its SLA clocks").contains("\"calendarRegion\":\"cn\"");
        given().get("/api/v1/routing/decisions/" + id).then().body("unitCode", equalTo("A-ENV"));
    }

    private void awaitRouted(String id, String unit) {
        probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.routed.v1".equals(r.header("ce_type"))
                && r.value().contains("\"unitCode\":\"" + unit + "\""), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError(id + " not routed to " + unit));
    }

    @Test
    void explainShowsClassificationAndTheRuleForAnyText() {
        given().queryParam("text", "夜里工地施工噪音太大").queryParam("address", "A市A3区").get("/api/v1/routing/explain")
                .then().statusCode(200)
                .body("outcome", equalTo("ROUTED"))
                .body("unitCode", equalTo("A3"))
                .body("classification.category", equalTo("环境保护"))
                .body("reason", containsString("A3区"))
                .body("subcategory.name", equalTo("环境污染"))
                .body("subcategory.matchedTerms", hasItem("噪音"));
        given().queryParam("text", "你好").get("/api/v1/routing/explain").then().statusCode(200).body("outcome", equalTo("TRIAGE"));
        given().get("/api/v1/routing/explain").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBatchOfPetitionsIsRoutedWholeWithEachDecisionQueueEntryAndEventOnce() {
        String first = EventProbe.newPetitionId();
        java.util.List<String> clear = new java.util.ArrayList<>(java.util.List.of(first));
        java.util.List<String> vague = new java.util.ArrayList<>();
        java.util.List<EventProbe.Outgoing> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 18; i++) {
            String id = i == 0 ? first : EventProbe.newPetitionIdOnPartitionOf(first, 6);
            boolean routable = i % 3 != 2;
            (routable ? clear : vague).add(id);
            batch.add(new EventProbe.Outgoing(Topics.LIFECYCLE, routable ? received(id, "夜里工地施工噪音太大", "A市A3区桐梓坡西路")
                    : received(id, "你好", null), "intake-service", UUID.randomUUID().toString()));
        }
        clear.remove(first);
        clear.add(0, first);
        // The same petition published again under a new event id, in the same batch: routed twice, one decision kept.
        batch.add(new EventProbe.Outgoing(Topics.LIFECYCLE, received(first, "夜里工地施工噪音太大", "A市A3区桐梓坡西路"), "intake-service",
                UUID.randomUUID().toString()));
        probe.publishTogether(batch);

        String last = vague.get(vague.size() - 1);
        probe.await(Topics.LIFECYCLE, r -> last.equals(r.key()) && "wenzheng.petition.triage-required.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("the batch was not routed"));
        var events = probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(3)).stream()
                .filter(r -> "routing-service".equals(r.header("ce_source"))).toList();
        for (String id : clear) {
            assertThat(events.stream().filter(r -> id.equals(r.key()) && "wenzheng.petition.routed.v1".equals(r.header("ce_type"))).count())
                    .as("routed events of %s", id).isEqualTo(id.equals(first) ? 2 : 1);
            given().get("/api/v1/routing/decisions/" + id).then().statusCode(200).body("outcome", equalTo("ROUTED")).body("unitCode", equalTo("A3"));
        }
        for (String id : vague) {
            assertThat(events.stream().filter(r -> id.equals(r.key()) && "wenzheng.petition.triage-required.v1".equals(r.header("ce_type"))).count())
                    .as("triage events of %s", id).isEqualTo(1);
            given().get("/api/v1/routing/decisions/" + id).then().statusCode(200).body("outcome", equalTo("TRIAGE"));
        }
        given().get("/api/v1/triage").then().statusCode(200).body("petitionId", hasItems(vague.toArray()));
    }

    @Test
    void aRedeliveredEventIsRoutedOnce() throws InterruptedException {
        String id = EventProbe.newPetitionId();
        String eventId = UUID.randomUUID().toString();
        probe.publish(Topics.LIFECYCLE, received(id, "公司拖欠工资", null), "intake-service", eventId);
        probe.publish(Topics.LIFECYCLE, received(id, "公司拖欠工资", null), "intake-service", eventId);
        // A later petition on the same partition proves both copies have been consumed.
        String markerId = EventProbe.newPetitionIdOnPartitionOf(id, 6);
        probe.publish(received(markerId, "公司拖欠工资", null), "intake-service");
        probe.await(Topics.LIFECYCLE, r -> markerId.equals(r.key()) && "wenzheng.petition.routed.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(20)).orElseThrow();
        long routedCount = probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(5)).stream()
                .filter(r -> id.equals(r.key()) && "wenzheng.petition.routed.v1".equals(r.header("ce_type"))).count();
        assertThat(routedCount).isEqualTo(1);
    }

    @Test
    void theDirectoryRejectsBadUnits() {
        given().contentType(ContentType.JSON).body("[{\"code\":\"bad code!\",\"name\":\"x\",\"level\":\"CITY\"}]")
                .put("/api/v1/units").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("code")));
        given().contentType(ContentType.JSON).body("[{\"code\":\"X1\",\"name\":\"x\",\"level\":\"CITY\",\"calendarRegion\":\"Xin Jiang\"}]")
                .put("/api/v1/units").then().statusCode(400).body("errors.field", hasItem(containsString("calendarRegion")));
        given().contentType(ContentType.JSON).body("[]").put("/api/v1/units").then().statusCode(400);
        given().get("/api/v1/units").then().statusCode(200).body("code", hasItem("A-ENV"))
                .body("find { it.code == 'A-ENV' }.calendarRegion", equalTo("cn"));
    }

    @Test
    void classifyExplainsItsGuess() {
        given().contentType(ContentType.JSON).body("{\"text\":\"医院看病排队太久\"}")
                .post("/api/v1/routing/classify").then().statusCode(200)
                .body("category", equalTo("卫生计生"))
                .body("confidence", org.hamcrest.Matchers.greaterThan(0.5f))
                .body("evidence.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    private static java.util.Set<String> probeTopics() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers",
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)))) {
            return admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aCategoryNamedAtIntakeIsTakenInsteadOfTheClassifiersGuess() {
        String id = EventProbe.newPetitionId();
        probe.publish(new PetitionReceived(id, "HOTLINE1", Channel.HOTLINE, null, "夜里工地施工噪音太大", new Location("A市A3区", null, null),
                "c-0123456789abcdef", Instant.now(), "交通运输"), "intake-service");
        var routed = probe.await(Topics.LIFECYCLE, r -> id.equals(r.key()) && "wenzheng.petition.routed.v1".equals(r.header("ce_type")),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no routed event"));
        assertThat(routed.value()).contains("\"category\":\"交通运输\"").contains("category named at intake");
    }

    private static PetitionReceived received(String id, String text, String address) {
        return new PetitionReceived(id, "TRACK" + SEQ.incrementAndGet() % 10 + "AB", Channel.WEB, null, text,
                address == null ? null : new Location(address, null, null), null, Instant.now(), null);
    }

}
