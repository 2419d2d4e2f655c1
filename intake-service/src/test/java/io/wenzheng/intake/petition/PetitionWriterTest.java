package io.wenzheng.intake.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wenzheng.devstack.testing.DevStackTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Petitions that arrive together are written together ({@link PetitionWriter}): each is stored once with its history
 * entry and its received event, a key taken inside a group refuses only its own petition, and a citizen's repeat is
 * found by the group's look-up. (Repeats inside one group: {@code RepeatCheckTest}.)
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class PetitionWriterTest {
    private static final int CROWD = 30;

    @Inject
    MeterRegistry registry;
    @Inject
    Pool pool;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private CompletableFuture<HttpResponse<String>> send(String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/petitions"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void petitionsSentTogetherAreEachStoredOnceWithTheirHistoryAndEventAndAKeyTakenRefusesOnlyItsOwn() throws Exception {
        double[] before = groups();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String key = "group-" + run;
        String phone = "1390952" + String.format("%04d", (int) (Math.random() * 10_000));
        List<CompletableFuture<HttpResponse<String>>> crowd = new ArrayList<>();
        // Rounds of the crowd with a repeated key and a repeating citizen in the middle, until the crowd has been
        // written in groups of more than one (a slow machine may answer the first requests before the next arrive).
        List<String> ids = new ArrayList<>();
        List<String> keyed = new ArrayList<>();
        List<String> citizen = new ArrayList<>();
        for (int round = 0; round < 5 && (round == 0 || !grouped(before)); round++) {
            crowd.clear();
            Map<Integer, String> kind = new HashMap<>();
            for (int i = 0; i < CROWD; i++) {
                if (i == CROWD / 2 || i == CROWD / 2 + 1) {
                    kind.put(i, "keyed");
                    crowd.add(send("{\"channel\":\"WEB\",\"text\":\"同一个幂等键 " + run + " " + round + "\"}", key + "-" + round));
                } else if (i == CROWD / 2 + 2 || i == CROWD / 2 + 3) {
                    kind.put(i, "citizen");
                    crowd.add(send("{\"channel\":\"WEB\",\"text\":\"A3区星沙小区旁边的工地夜间施工，噪音很大，严重影响休息。" + run + round
                            + "\",\"contact\":{\"phone\":\"" + phone + "\"}}", null));
                } else {
                    crowd.add(send("{\"channel\":\"WEB\",\"text\":\"一起写入 " + run + " " + round + " " + i + "\"}", null));
                }
            }
            List<String> roundKeyed = new ArrayList<>();
            for (int i = 0; i < CROWD; i++) {
                HttpResponse<String> answer = crowd.get(i).get(60, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                String id = io.wenzheng.contracts.EventJson.mapper().readTree(answer.body()).get("id").asText();
                if ("keyed".equals(kind.get(i))) {
                    roundKeyed.add(id);
                } else {
                    ids.add(id);
                    if ("citizen".equals(kind.get(i))) {
                        citizen.add(id);
                    }
                }
            }
            assertThat(roundKeyed).as("both requests with one Idempotency-Key get the petition the first filed").hasSize(2);
            assertThat(roundKeyed.get(0)).isEqualTo(roundKeyed.get(1));
            keyed.add(roundKeyed.get(0));
            ids.add(roundKeyed.get(0));
        }
        assertThat(grouped(before)).as("the crowd was written in fewer groups than petitions").isTrue();

        String[] all = ids.toArray(String[]::new);
        var stored = pool.preparedQuery("select p.id, (select count(*) from petition_history h where h.petition_id = p.id "
                        + "and h.event_type = 'wenzheng.petition.received.v1'), (select count(*) from outbox_event o "
                        + "where o.message_key = p.id and o.event_type = 'wenzheng.petition.received.v1') from petition p where p.id = any($1)")
                .execute(Tuple.of(all)).await().atMost(Duration.ofSeconds(10));
        assertThat(stored.size()).as("every answered petition is stored").isEqualTo(ids.size());
        stored.forEach(row -> {
            assertThat(row.getLong(1)).as("history entries of %s", row.getString(0)).isEqualTo(1);
            assertThat(row.getLong(2)).as("received events of %s", row.getString(0)).isEqualTo(1);
        });
        for (String id : keyed) {
            assertThat(pool.preparedQuery("select count(*) from channel_message where petition_id = $1").execute(Tuple.of(id))
                    .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0)).isEqualTo(1);
        }

        // The citizen's alike petitions sent together may be written by groups at the same moment, where the repeat
        // check is a hint that can miss; any flag it set points at one of them. Once they are in, a further one is flagged.
        for (String id : citizen) {
            String repeatOf = given().get("/api/v1/petitions/" + id).then().statusCode(200).extract().path("possibleDuplicateOf");
            if (repeatOf != null) {
                assertThat(citizen).contains(repeatOf);
            }
        }
        String later = given().contentType("application/json").body("{\"channel\":\"WEB\",\"text\":\"A3区星沙小区旁边的工地夜间施工，噪音很大，"
                + "严重影响休息。" + run + "\",\"contact\":{\"phone\":\"" + phone + "\"}}").post("/api/v1/petitions").then().statusCode(201)
                .extract().path("id");
        String laterRepeats = given().get("/api/v1/petitions/" + later).then().statusCode(200).extract().path("possibleDuplicateOf");
        assertThat(laterRepeats).as("the citizen's next alike petition repeats one of theirs").isIn(citizen);
    }

    /** Groups written so far, and the petitions in them. */
    private double[] groups() {
        DistributionSummary groups = registry.find("wenzheng.intake.acceptance.group").summary();
        return groups == null ? new double[] {0, 0} : new double[] {groups.count(), groups.totalAmount()};
    }

    private boolean grouped(double[] before) {
        double[] now = groups();
        return now[1] - before[1] > now[0] - before[0];
    }
}
