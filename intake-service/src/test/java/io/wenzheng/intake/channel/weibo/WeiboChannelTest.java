package io.wenzheng.intake.channel.weibo;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import io.wenzheng.intake.channel.PlatformSignature;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo Weibo account, pushed to as the fan-service platform pushes. */
@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class WeiboChannelTest {
    private static final String SECRET = "wenzheng-demo";
    private static final String URL = "/channels/weibo/demo";
    private static final Pattern CODE = Pattern.compile("查询码 ([0-9A-Z]{8})");
    private EventProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void theSignatureIsWeibosOwnVectorAndVerificationEchoes() {
        assertThat(PlatformSignature.of("xyz123xyz", "1397022061823", "57155157")).isEqualTo("90e4c22c90a58f26526c2dd5b6c56c8822edeaa1");
        String ts = nowMillis();
        given().queryParams(Map.of("signature", PlatformSignature.of(SECRET, ts, "57155157"), "timestamp", ts, "nonce", "57155157",
                "echostr", "weibo-ok")).get(URL).then().statusCode(200).body(equalTo("weibo-ok"));
        given().queryParams(Map.of("signature", "0".repeat(40), "timestamp", ts, "nonce", "1", "echostr", "x")).get(URL).then().statusCode(403);
    }

    @Test
    void aPrivateMessageAndAMentionBecomePetitionsOnceAndGetAReply() {
        String text = "@问政银川 西夏区朔方路的下水道堵了 " + UUID.randomUUID();
        String push = push("mention", text, "{}");
        String ts = nowMillis();
        String nonce = "n" + UUID.randomUUID();
        Response first = post(push, ts, nonce);
        first.then().statusCode(200).contentType("application/json").body("result", equalTo(true))
                .body("receiver_id", equalTo("2489518277")).body("sender_id", equalTo("1902538057")).body("type", equalTo("text"));
        String code = code(first);
        assertThat(code(post(push, ts, nonce))).as("the platform's retry").isEqualTo(code);
        assertThat(code(post(push, nowMillis(), "n" + UUID.randomUUID()))).isEqualTo(code);
        var received = probe.await(Topics.LIFECYCLE, r -> r.value().contains(text), Duration.ofSeconds(60)).orElseThrow();
        assertThat(received.value()).contains("\"channel\":\"WEIBO\"").contains(code).doesNotContain("2489518277");

        String position = push("position", "", "{\"longitude\":\"106.2731\",\"latitude\":\"38.4681\"}");
        code(post(position, nowMillis(), "n" + UUID.randomUUID()));
        post(push("event", "", "{\"subtype\":\"follow\"}"), nowMillis(), "n" + UUID.randomUUID()).then().statusCode(200).body(equalTo(""));
        post(push("unknown-type", "x", "{}"), nowMillis(), "n" + UUID.randomUUID()).then().statusCode(200).body(equalTo(""));
    }

    @Test
    void forgedStaleReplayedAndMalformedPushesAreRefusedAndStoreNothing() {
        String text = "不该受理 " + UUID.randomUUID();
        String push = push("text", text, "{}");
        given().contentType("application/json").body(push).queryParams(Map.of("signature", "0".repeat(40), "timestamp", nowMillis(), "nonce", "1"))
                .post(URL).then().statusCode(403).contentType("application/problem+json");
        post(push, String.valueOf(Instant.now().minusSeconds(900).toEpochMilli()), "n" + UUID.randomUUID()).then().statusCode(403);
        String ts = nowMillis();
        String nonce = "n" + UUID.randomUUID();
        code(post(push("text", "先到的消息 " + UUID.randomUUID(), "{}"), ts, nonce));
        post(push, ts, nonce).then().statusCode(403);
        post("{not json", nowMillis(), "n" + UUID.randomUUID()).then().statusCode(400).contentType("application/problem+json");
        post("[1,2]", nowMillis(), "n" + UUID.randomUUID()).then().statusCode(400);
        given().contentType("text/xml").body("<xml/>").queryParams(signed(nowMillis(), "n" + UUID.randomUUID())).post(URL).then().statusCode(415);
        assertThat(probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(3)).stream().filter(r -> r.value().contains(text))).isEmpty();
    }

    @Test
    void twoThousandMalformedPushesGetNoServerError() {
        Random random = new Random(20261130);
        String base = push("text", "桥下积水", "{}");
        int codes = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] b = base.getBytes(StandardCharsets.UTF_8);
            switch (random.nextInt(3)) {
                case 0 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
                case 1 -> {
                    for (int k = 0; k < 1 + random.nextInt(5); k++) {
                        b[random.nextInt(b.length)] = (byte) "{}[]\":,\\x".charAt(random.nextInt(9));
                    }
                }
                default -> {
                    b = new byte[random.nextInt(200)];
                    random.nextBytes(b);
                }
            }
            Response r = given().contentType("application/json").body(b).queryParams(signed(nowMillis(), "fz" + i + UUID.randomUUID())).post(URL);
            assertThat(r.statusCode()).as("push %d", i).isLessThan(500);
            if (r.statusCode() == 200 && r.asString().contains("%E6%9F%A5%E8%AF%A2%E7%A0%81")) { // 查询码, URL-encoded
                codes++;
            }
        }
        System.out.printf("weibo fuzz: 2000 malformed pushes, %d answered with a tracking code%n", codes);
        long filed = probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(3)).stream()
                .filter(r -> r.value().contains("\"channel\":\"WEIBO\"") && r.value().contains("积水")).count();
        assertThat(filed).isLessThanOrEqualTo(codes);
    }

    private static String push(String type, String text, String data) {
        return "{\"type\":\"" + type + "\",\"receiver_id\":1902538057,\"sender_id\":2489518277,"
                + "\"created_at\":\"Sun Nov 29 21:00:00 +0800 2026\",\"text\":\"" + text + "\",\"data\":" + data + "}";
    }

    private static Response post(String body, String ts, String nonce) {
        return given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).queryParams(signed(ts, nonce)).post(URL);
    }

    private static Map<String, String> signed(String ts, String nonce) {
        return Map.of("signature", PlatformSignature.of(SECRET, ts, nonce), "timestamp", ts, "nonce", nonce);
    }

    private static String code(Response reply) {
        reply.then().statusCode(200);
        String data = URLDecoder.decode(reply.jsonPath().getString("data"), StandardCharsets.UTF_8);
        Matcher m = CODE.matcher(data);
        assertThat(m.find()).as("a tracking code in " + data).isTrue();
        return m.group(1);
    }

    private static String nowMillis() {
        return String.valueOf(Instant.now().toEpochMilli());
    }
}
