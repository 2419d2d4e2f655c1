package io.wenzheng.analytics.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.wenzheng.devstack.testing.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A known event stream in a week nobody else uses (the week of 2031-03-03), published once per test JVM, and the
 * figures it must give; the stats, report and dashboard tests all check against it.
 */
public final class KnownStream {
    private static final Instant T = Instant.parse("2031-03-04T02:00:00Z"); // Tuesday 10:00 in the city
    public static final String U1 = "U1-" + UUID.randomUUID().toString().substring(0, 6);
    public static final String U2 = "U2-" + UUID.randomUUID().toString().substring(0, 6);
    static final String WEEK = "from=2031-03-03&to=2031-03-10";

    private static boolean published;

    private KnownStream() {
    }

    public static synchronized void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        try (EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            // U1: in time and resolved in a day, rated 5.
            story(probe, U1, 1800, true, 86_400L, 5, false, false);
            // U1: in time, resolved in two days, rated 2 and reopened: no longer resolved.
            story(probe, U1, 3600, true, 2 * 86_400L, 2, true, false);
            // U1: breached, answered after five hours, not resolved.
            story(probe, U1, 5 * 3600, false, null, null, false, false);
            // U2 hands it back, U1 answers in two hours and resolves in three days.
            story(probe, U1, 2 * 3600, true, 3 * 86_400L, null, false, true);
            // U2: two answered in ten minutes and resolved in a day, one rated 4.
            story(probe, U2, 600, true, 86_400L, 4, false, false);
            story(probe, U2, 600, true, 86_400L, null, false, false);
        }
    }

    private static void story(EventProbe probe, String unit, long respondAfter, boolean inTime, Long resolveAfter, Integer rating,
                              boolean reopen, boolean handedBackByU2) {
        String id = EventProbe.newPetitionId();
        List<PetitionEvent> lifecycle = new ArrayList<>();
        lifecycle.add(new PetitionReceived(id, "TRK" + id.substring(20), Channel.WECHAT, "路灯", "路灯不亮", null, null, T, null));
        if (handedBackByU2) {
            lifecycle.add(new PetitionRouted(id, "城乡建设", U2, "单位" + U2, 0.9, "rule", T.plusSeconds(1), null, null, "D9"));
            lifecycle.add(new PetitionReturned(id, U2, "不属于本单位职责", T.plusSeconds(60)));
        }
        lifecycle.add(new PetitionRouted(id, "城乡建设", unit, "单位" + unit, 0.9, "rule", T.plusSeconds(90), null, null, "D1"));
        lifecycle.add(new PetitionResponded(id, unit, "已收到", T.plusSeconds(respondAfter)));
        if (resolveAfter != null) {
            lifecycle.add(new PetitionResolved(id, unit, "已修复", T.plusSeconds(resolveAfter)));
        }
        if (rating != null) {
            lifecycle.add(new PetitionRated(id, rating, null, T.plusSeconds(resolveAfter + 3600)));
        }
        if (reopen) {
            lifecycle.add(new PetitionReopened(id, unit, "没修好", T.plusSeconds(resolveAfter + 3600)));
        }
        for (PetitionEvent e : lifecycle) {
            probe.publish(Topics.LIFECYCLE, e, "test", UUID.randomUUID().toString());
        }
        probe.publish(Topics.SLA, new DeadlineSet(id, Pledge.FIRST_RESPONSE, TimeBasis.WORKING_TIME, T, T.plusSeconds(3 * 3600), io.wenzheng.contracts.CalendarStatus.OFFICIAL), "test",
                UUID.randomUUID().toString());
        if (!inTime) {
            probe.publish(Topics.SLA, new DeadlineBreached(id, Pledge.FIRST_RESPONSE, unit, T.plusSeconds(3 * 3600),
                    T.plusSeconds(3 * 3600 + 1), false), "test", UUID.randomUUID().toString());
        }
        probe.publish(Topics.SLA, new DeadlineMet(id, Pledge.FIRST_RESPONSE, unit, T.plusSeconds(3 * 3600), T.plusSeconds(respondAfter),
                respondAfter), "test", UUID.randomUUID().toString());
    }

    /** Every event of the stream has been counted: the last of each petition's story shows. */
    public static void awaitCounted() {
        await().atMost(Duration.ofSeconds(40)).ignoreExceptions().untilAsserted(() -> {
            JsonPath byUnit = measuresBy("UNIT");
            assertThat(unit(byUnit, U1).getLong("resolved")).isEqualTo(2);
            assertThat(unit(byUnit, U1).getLong("rated")).isEqualTo(2);
            assertThat(unit(byUnit, U1).getLong("reopened")).isEqualTo(1);
            assertThat(unit(byUnit, U1).getLong("breached")).isEqualTo(1);
            assertThat(unit(byUnit, U1).getLong("respondedOnTime")).isEqualTo(3);
            assertThat(unit(byUnit, U2).getLong("handedBack")).isEqualTo(1);
            assertThat(unit(byUnit, U2).getLong("resolved")).isEqualTo(2);
            assertThat(unit(byUnit, U2).getLong("respondedOnTime")).isEqualTo(2);
            assertThat(unit(byUnit, U2).getLong("rated")).isEqualTo(1);
        });
    }

    static JsonPath measuresBy(String by) {
        return given().get("/api/v1/stats/measures?" + WEEK + "&by=" + by).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath unit(JsonPath byUnit, String code) {
        return new JsonPath(byUnit.prettify()).setRootPath("groups.find { it.key == '" + code + "' }.measures");
    }
}
