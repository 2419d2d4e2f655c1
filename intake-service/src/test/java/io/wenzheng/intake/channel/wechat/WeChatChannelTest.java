package io.wenzheng.intake.channel.wechat;

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
import io.wenzheng.intake.channel.SafeXml;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo account of application.properties, driven exactly as WeChat's servers drive it. */
@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class WeChatChannelTest {
    private static final String TOKEN = "wenzheng-demo";
    private static final String URL = "/channels/wechat/demo";
    private static final WeChatCrypto CRYPTO = new WeChatCrypto("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wxb11529c136998cb6");
    private static final Pattern CODE = Pattern.compile("查询码 ([0-9A-Z]{8})");
    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);
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
    void urlVerificationEchoesOnlyForTheRightSignature() {
        String ts = now();
        given().queryParams(Map.of("signature", io.wenzheng.intake.channel.PlatformSignature.of(TOKEN, ts, "n1"), "timestamp", ts, "nonce", "n1", "echostr", "hello-42"))
                .get(URL).then().statusCode(200).body(equalTo("hello-42"));
        given().queryParams(Map.of("signature", "0".repeat(40), "timestamp", ts, "nonce", "n1", "echostr", "x"))
                .get(URL).then().statusCode(403).contentType("application/problem+json");
        given().queryParams(Map.of("signature", "x", "timestamp", ts, "nonce", "n1", "echostr", "x"))
                .get("/channels/wechat/nobody").then().statusCode(404);
    }

    @Test
    void aPlaintextTextMessageBecomesOnePetitionEvenWhenWeChatRetries() {
        String openid = "oUser" + UUID.randomUUID();
        String text = "小区门口的路灯坏了一个月 " + UUID.randomUUID();
        String xml = message(openid, "text", "<Content>" + SafeXml.cdata(text) + "</Content>", MSG_IDS.incrementAndGet());
        String ts = now();
        String nonce = "n" + UUID.randomUUID();
        String reply = plaintext(xml, ts, nonce).then().statusCode(200).extract().asString();
        String code = code(reply);
        assertThat(reply).contains("<ToUserName><![CDATA[" + openid + "]]></ToUserName>");
        // WeChat's retry: the very same request.
        assertThat(code(plaintext(xml, ts, nonce).then().statusCode(200).extract().asString())).isEqualTo(code);
        // Or the same message under a new nonce.
        assertThat(code(plaintext(xml, now(), "n" + UUID.randomUUID()).then().statusCode(200).extract().asString())).isEqualTo(code);

        var received = probe.await(Topics.LIFECYCLE, r -> r.value().contains(text), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("no received event"));
        assertThat(received.value()).contains("\"channel\":\"WECHAT\"").contains("\"trackingCode\":\"" + code + "\"")
                .doesNotContain(openid);
        assertThat(probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(3)).stream().filter(r -> r.value().contains(text))).hasSize(1);
    }

    @Test
    void secureModeOpensTheEnvelopeAndSealsTheReply() {
        String text = "楼上装修噪音太大 " + UUID.randomUUID();
        String inner = message("oSecure", "text", "<Content>" + SafeXml.cdata(text) + "</Content>", MSG_IDS.incrementAndGet());
        String envelope = CRYPTO.encrypt(inner, "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        String outer = "<xml><ToUserName><![CDATA[gh_demo]]></ToUserName><Encrypt>" + SafeXml.cdata(envelope) + "</Encrypt></xml>";
        String ts = now();
        String nonce = "n" + UUID.randomUUID();
        String reply = given().contentType("text/xml").body(outer.getBytes(StandardCharsets.UTF_8))
                .queryParams(Map.of("signature", io.wenzheng.intake.channel.PlatformSignature.of(TOKEN, ts, nonce), "timestamp", ts, "nonce", nonce,
                        "encrypt_type", "aes", "msg_signature", io.wenzheng.intake.channel.PlatformSignature.of(TOKEN, ts, nonce, envelope)))
                .post(URL).then().statusCode(200).extract().asString();
        Map<String, String> sealed = SafeXml.fields(reply.getBytes(StandardCharsets.UTF_8), 65536);
        assertThat(sealed.get("MsgSignature")).isEqualTo(
                io.wenzheng.intake.channel.PlatformSignature.of(TOKEN, sealed.get("TimeStamp"), sealed.get("Nonce"), sealed.get("Encrypt")));
        String opened = CRYPTO.decrypt(sealed.get("Encrypt"));
        assertThat(opened).contains("oSecure");
        code(opened);
        assertThat(probe.await(Topics.LIFECYCLE, r -> r.value().contains(text), Duration.ofSeconds(60))).isPresent();

        // A wrong msg_signature, or an envelope for another appid, is refused.
        given().contentType("text/xml").body(outer)
                .queryParams(Map.of("timestamp", ts, "nonce", "n" + UUID.randomUUID(), "encrypt_type", "aes", "msg_signature", "0".repeat(40)))
                .post(URL).then().statusCode(403);
        String foreign = new WeChatCrypto("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx0000000000000000")
                .encrypt(inner, "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        String n2 = "n" + UUID.randomUUID();
        given().contentType("text/xml").body("<xml><Encrypt>" + SafeXml.cdata(foreign) + "</Encrypt></xml>")
                .queryParams(Map.of("timestamp", ts, "nonce", n2, "encrypt_type", "aes", "msg_signature", io.wenzheng.intake.channel.PlatformSignature.of(TOKEN, ts, n2, foreign)))
                .post(URL).then().statusCode(403);
    }

    @Test
    void locationImageAndVoiceArePetitionsAndEventsAreNot() {
        String label = "银川市兴庆区解放西街 " + UUID.randomUUID();
        code(plaintext(message("oLoc", "location", "<Location_X>38.4681</Location_X><Location_Y>106.2731</Location_Y><Scale>15</Scale><Label>"
                + SafeXml.cdata(label) + "</Label>", MSG_IDS.incrementAndGet()), now(), "n" + UUID.randomUUID()).then().statusCode(200)
                .extract().asString());
        var located = probe.await(Topics.LIFECYCLE, r -> r.value().contains(label), Duration.ofSeconds(60)).orElseThrow();
        assertThat(located.value()).contains("\"latitude\":38.4681").contains("\"longitude\":106.2731");

        String voice = "公交站台的顶棚漏雨 " + UUID.randomUUID();
        code(plaintext(message("oVoice", "voice", "<MediaId>m1</MediaId><Format>amr</Format><Recognition>" + SafeXml.cdata(voice)
                + "</Recognition>", MSG_IDS.incrementAndGet()), now(), "n" + UUID.randomUUID()).then().statusCode(200).extract().asString());
        assertThat(probe.await(Topics.LIFECYCLE, r -> r.value().contains(voice), Duration.ofSeconds(60))).isPresent();
        String picture = "http://mmbiz.qpic.cn/mmbiz_jpg/" + UUID.randomUUID() + "/0";
        code(plaintext(message("oImg", "image", "<PicUrl>" + picture + "</PicUrl><MediaId>m2</MediaId>", MSG_IDS.incrementAndGet()),
                now(), "n" + UUID.randomUUID()).then().statusCode(200).extract().asString());
        assertThat(probe.await(Topics.LIFECYCLE, r -> r.value().contains(picture), Duration.ofSeconds(60)).orElseThrow().value())
                .as("the picture is the petition's attachment").contains("\"attachments\":[\"" + picture + "\"]").contains("（微信图片）");

        String subscribe = "<xml><ToUserName><![CDATA[gh_demo]]></ToUserName><FromUserName><![CDATA[oNew]]></FromUserName><CreateTime>"
                + now() + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>";
        plaintext(subscribe, now(), "n" + UUID.randomUUID()).then().statusCode(200).body(equalTo("success"));
    }

    @Test
    void staleReplayedForgedHostileAndWrongContentTypeAreRefusedAndStoreNothing() {
        String text = "不该被受理的消息 " + UUID.randomUUID();
        String xml = message("oBad", "text", "<Content>" + SafeXml.cdata(text) + "</Content>", MSG_IDS.incrementAndGet());
        String stale = String.valueOf(Instant.now().minusSeconds(600).getEpochSecond());
        plaintext(xml, stale, "n" + UUID.randomUUID()).then().statusCode(403).contentType("application/problem+json");
        String ts = now();
        given().contentType("text/xml").body(xml).queryParams(Map.of("signature", "0".repeat(40), "timestamp", ts, "nonce", "nx"))
                .post(URL).then().statusCode(403);
        // A captured nonce reused with another body is a replay.
        String nonce = "n" + UUID.randomUUID();
        code(plaintext(message("oFirst", "text", "<Content>第一条 " + UUID.randomUUID() + "</Content>", MSG_IDS.incrementAndGet()), ts, nonce)
                .then().statusCode(200).extract().asString());
        plaintext(xml, ts, nonce).then().statusCode(403).contentType("application/problem+json");
        // XXE: a signed request carrying a DOCTYPE with an external entity.
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>a</ToUserName>"
                + "<FromUserName>b</FromUserName><MsgType>text</MsgType><Content>&x;" + text + "</Content><MsgId>1</MsgId></xml>";
        plaintext(xxe, now(), "n" + UUID.randomUUID()).then().statusCode(400).contentType("application/problem+json");
        plaintext("<xml><unclosed>", now(), "n" + UUID.randomUUID()).then().statusCode(400);
        String ts2 = now();
        String n2 = "n" + UUID.randomUUID();
        given().contentType("application/json").body("{}")
                .queryParams(Map.of("signature", io.wenzheng.intake.channel.PlatformSignature.of(TOKEN, ts2, n2), "timestamp", ts2, "nonce", n2))
                .post(URL).then().statusCode(415);
        plaintext("<xml><Content>" + "长".repeat(30_000) + "</Content></xml>", now(), "n" + UUID.randomUUID()).then().statusCode(413);

        String marker = text;
        assertThat(probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(3)).stream().filter(r -> r.value().contains(marker))).isEmpty();
    }

    @Test
    void twoThousandMalformedBodiesGetNoServerErrorAndFileOnlyWhatTheyAnswerWithACode() {
        Random random = new Random(20261129);
        String base = message("oFuzz", "text", "<Content>路面塌陷</Content>", 1);
        int codes = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] body = mutate(base.getBytes(StandardCharsets.UTF_8), random);
            Response r = plaintext(new String(body, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1), now(), "fuzz" + i + UUID.randomUUID());
            assertThat(r.statusCode()).as("request %d: %s", i, new String(body, StandardCharsets.UTF_8)).isLessThan(500);
            if (r.statusCode() == 200 && CODE.matcher(r.asString()).find()) {
                codes++;
            }
        }
        System.out.printf("wechat fuzz: 2000 malformed bodies, %d answered with a tracking code%n", codes);
        long filed = probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(3)).stream()
                .filter(r -> r.value().contains("\"channel\":\"WECHAT\"") && r.value().contains("路面")).count();
        assertThat(filed).as("petitions filed by the fuzz run").isLessThanOrEqualTo(codes);
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(4)) {
            case 0 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            case 1 -> {
                for (int k = 0; k < 1 + random.nextInt(5); k++) {
                    b[random.nextInt(b.length)] = (byte) "<>&/\"'x\u0000".charAt(random.nextInt(8));
                }
            }
            case 2 -> {
                b = new byte[random.nextInt(300)];
                random.nextBytes(b);
            }
            default -> {
                int at = random.nextInt(b.length);
                byte[] junk = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hosts\">]>&e;".getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                b = out;
            }
        }
        return b;
    }

    private static Response plaintext(String xml, String ts, String nonce) {
        return plaintext(xml.getBytes(StandardCharsets.UTF_8), ts, nonce);
    }

    private static Response plaintext(byte[] xml, String ts, String nonce) {
        return given().contentType("text/xml").body(xml)
                .queryParams(Map.of("signature", io.wenzheng.intake.channel.PlatformSignature.of(TOKEN, ts, nonce), "timestamp", ts, "nonce", nonce, "openid", "x"))
                .post(URL);
    }

    private static String message(String openid, String type, String fields, long msgId) {
        return "<xml><ToUserName><![CDATA[gh_demo]]></ToUserName><FromUserName>" + SafeXml.cdata(openid) + "</FromUserName><CreateTime>"
                + now() + "</CreateTime><MsgType>" + SafeXml.cdata(type) + "</MsgType>" + fields + "<MsgId>" + msgId + "</MsgId></xml>";
    }

    private static String code(String reply) {
        Matcher m = CODE.matcher(reply);
        assertThat(m.find()).as("a tracking code in: " + reply).isTrue();
        return m.group(1);
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }
}
