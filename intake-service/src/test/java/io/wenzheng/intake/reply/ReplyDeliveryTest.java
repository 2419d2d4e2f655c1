package io.wenzheng.intake.reply;

import io.quarkus.test.security.TestSecurity;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import io.wenzheng.intake.channel.PlatformSignature;
import io.wenzheng.intake.channel.SafeXml;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A unit's reply reaches the citizen on the petition's own channel, through faithful stubs of each platform's API. */
@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(PlatformStubs.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class ReplyDeliveryTest {
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
    void aWeChatCitizenGetsTheUnitsResponseAsACustomerServiceMessage() {
        PlatformStubs.server.stubFor(get(urlPathEqualTo("/cgi-bin/token")).withQueryParam("appid", equalTo("wxb11529c136998cb6"))
                .withQueryParam("secret", equalTo("wenzheng-demo-secret"))
                .willReturn(okJson("{\"access_token\":\"TOKEN-1\",\"expires_in\":7200}")));
        PlatformStubs.server.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).withQueryParam("access_token", equalTo("TOKEN-1"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        String openid = "oReply" + UUID.randomUUID();
        String id = wechatPetition(openid, "小区停车位被占 " + UUID.randomUUID());
        routeAndRespond(id, "已联系物业清理占位车辆");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(history(id)).contains("intake.reply.delivered"));
        var sent = PlatformStubs.server.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
        assertThat(sent).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("\"touser\":\"" + openid + "\"")
                .contains("已联系物业清理占位车辆").contains("\"msgtype\":\"text\"")
                .as("the citizen's page is linked").contains(page(id)));
    }

    /** The citizen's page of a petition, as the replies must name it. */
    private static String page(String id) {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("wenzheng.intake.public-base-url", String.class)
                + "/track/" + given().get("/api/v1/petitions/" + id).then().statusCode(200).extract().path("trackingCode");
    }

    @Test
    void anSmsThatFailsFirstIsRetriedAndBothAttemptsAreInTheHistory() {
        PlatformStubs.server.stubFor(post(urlPathEqualTo("/sms/send")).inScenario("sms").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        PlatformStubs.server.stubFor(post(urlPathEqualTo("/sms/send")).inScenario("sms").whenScenarioStateIs("up")
                .withHeader("X-Api-Key", equalTo("wenzheng-demo-sms")).willReturn(okJson("{\"ok\":true}")));
        String id = given().contentType(ContentType.JSON).body(Map.of("callerNumber", "13709512222",
                        "transcript", "路灯不亮 " + UUID.randomUUID(), "callId", "c-" + UUID.randomUUID()))
                .post("/api/v1/hotline-calls").then().statusCode(201).extract().path("id");
        routeAndRespond(id, "已派人维修路灯");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(history(id)).containsSubsequence("intake.reply.attempt-failed", "intake.reply.delivered"));
        assertThat(PlatformStubs.server.findAll(postRequestedFor(urlPathEqualTo("/sms/send"))))
                .anySatisfy(r -> assertThat(r.getBodyAsString()).contains("13709512222").contains("已派人维修路灯").contains(page(id)));
    }

    @Test
    void aPlatformThatKeepsRefusingEndsFailedAndVisibleNeverSilentlyDropped() {
        PlatformStubs.server.stubFor(post(urlPathEqualTo("/2/messages/reply.json"))
                .willReturn(okJson("{\"error_code\":21327,\"error\":\"expired_token\"}")));
        String ts = String.valueOf(Instant.now().toEpochMilli());
        String nonce = "n" + UUID.randomUUID();
        String text = "桥下积水 " + UUID.randomUUID();
        given().contentType("application/json").body("{\"type\":\"text\",\"receiver_id\":1902538057,\"sender_id\":2489518277,"
                        + "\"created_at\":\"Sun Nov 29 21:00:00 +0800 2026\",\"text\":\"" + text + "\",\"data\":{}}")
                .queryParams(Map.of("signature", PlatformSignature.of("wenzheng-demo", ts, nonce), "timestamp", ts, "nonce", nonce))
                .post("/channels/weibo/demo").then().statusCode(200);
        String id = probe.await(Topics.LIFECYCLE, r -> r.value().contains(text), Duration.ofSeconds(60)).orElseThrow().key();
        routeAndRespond(id, "已通知市政排水");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(id)).contains("intake.reply.failed"));
        List<String> types = history(id);
        assertThat(types.stream().filter("intake.reply.attempt-failed"::equals)).hasSize(2);
        assertThat(given().get("/api/v1/petitions/" + id).then().extract().asString()).contains("expired_token");
        // The unit sees what never arrived, with the platform's reason, and sends it again once the token is renewed.
        given().get("/api/v1/petitions/" + id).then().body("undeliveredReplies.size()", org.hamcrest.Matchers.equalTo(1))
                .body("undeliveredReplies[0].channel", org.hamcrest.Matchers.equalTo("WEIBO"))
                .body("undeliveredReplies[0].lastError", org.hamcrest.Matchers.containsString("expired_token"));
        PlatformStubs.server.stubFor(post(urlPathEqualTo("/2/messages/reply.json")).atPriority(1).willReturn(okJson("{\"result\":true}")));
        given().post("/api/v1/petitions/" + id + "/reply-retries").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(id)).containsSubsequence(
                "intake.reply.failed", "intake.reply.retried", "intake.reply.delivered"));
        given().get("/api/v1/petitions/" + id).then().body("undeliveredReplies", org.hamcrest.Matchers.nullValue());
        given().post("/api/v1/petitions/" + id + "/reply-retries").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anAlipayCitizenGetsTheReplyAsASignedLifeAccountMessageAndAForgedAnswerDoesNotCount() throws Exception {
        var platformKey = io.wenzheng.intake.channel.alipay.AlipaySignature.privateKey(
                java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/alipay-demo-platform-private-key.b64")).strip());
        String ok = "{\"code\":\"10000\",\"msg\":\"Success\"}";
        String signed = io.wenzheng.intake.channel.alipay.AlipaySignature.sign(ok, platformKey, java.nio.charset.StandardCharsets.UTF_8);
        String forged = signed.substring(0, 10) + (signed.charAt(10) == 'A' ? 'B' : 'A') + signed.substring(11);
        PlatformStubs.server.stubFor(post(urlPathEqualTo("/gateway.do")).inScenario("alipay").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"alipay_open_public_message_custom_send_response\":" + ok + ",\"sign\":\"" + forged + "\"}"))
                .willSetStateTo("genuine"));
        PlatformStubs.server.stubFor(post(urlPathEqualTo("/gateway.do")).inScenario("alipay").whenScenarioStateIs("genuine")
                .willReturn(okJson("{\"alipay_open_public_message_custom_send_response\":" + ok + ",\"sign\":\"" + signed + "\"}")));
        String user = "2088" + (100000000000L + (long) (Math.random() * 1e11));
        String text = "生活号反映：小区垃圾无人清运 " + UUID.randomUUID();
        String biz = "<XML><AppId>2021000000000000</AppId><FromUserId>" + user + "</FromUserId><CreateTime>1764400000000</CreateTime>"
                + "<MsgType>text</MsgType><Text><Content>" + SafeXml.cdata(text) + "</Content></Text><MsgId>m" + UUID.randomUUID() + "</MsgId></XML>";
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("service", "alipay.mobile.public.message.notify",
                "charset", "UTF-8", "biz_content", biz, "sign_type", "RSA2"));
        form.put("sign", io.wenzheng.intake.channel.alipay.AlipaySignature.sign(
                io.wenzheng.intake.channel.alipay.AlipaySignature.content(form), platformKey, java.nio.charset.StandardCharsets.UTF_8));
        given().contentType("application/x-www-form-urlencoded").body(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                        .collect(java.util.stream.Collectors.joining("&")))
                .post("/channels/alipay/demo").then().statusCode(200);
        String id = probe.await(Topics.LIFECYCLE, r -> r.value().contains("小区垃圾无人清运"), Duration.ofSeconds(60)).orElseThrow().key();
        routeAndRespond(id, "已安排环卫今日清运");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(history(id)).containsSubsequence("intake.reply.attempt-failed", "intake.reply.delivered"));
        assertThat(given().get("/api/v1/petitions/" + id).then().extract().asString()).contains("not signed by Alipay");
        var request = PlatformStubs.server.findAll(postRequestedFor(urlPathEqualTo("/gateway.do"))).stream()
                .filter(r -> r.getBodyAsString().contains(user)).findFirst().orElseThrow();
        Map<String, String> sent = new java.util.TreeMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            sent.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(sent).containsEntry("method", "alipay.open.public.message.custom.send").containsEntry("app_id", "2021000000000000")
                .containsEntry("sign_type", "RSA2");
        assertThat(sent.get("biz_content")).contains("\"to_user_id\":\"" + user + "\"").contains("已安排环卫今日清运");
        String content = sent.entrySet().stream().filter(e -> !e.getKey().equals("sign"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("&"));
        assertThat(io.wenzheng.intake.channel.alipay.AlipaySignature.verify(content, sent.get("sign"),
                io.wenzheng.intake.channel.alipay.AlipaySignature.publicKey(ConfigProvider.getConfig()
                        .getValue("wenzheng.intake.alipay-accounts.demo.public-key", String.class)), java.nio.charset.StandardCharsets.UTF_8))
                .as("Alipay can verify the request with the account's public key").isTrue();
    }

    private String wechatPetition(String openid, String text) {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        String nonce = "n" + UUID.randomUUID();
        String xml = "<xml><ToUserName><![CDATA[gh_demo]]></ToUserName><FromUserName>" + SafeXml.cdata(openid) + "</FromUserName>"
                + "<CreateTime>" + ts + "</CreateTime><MsgType>text</MsgType><Content>" + SafeXml.cdata(text) + "</Content><MsgId>"
                + System.nanoTime() + "</MsgId></xml>";
        given().contentType("text/xml").body(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParams(Map.of("signature", PlatformSignature.of("wenzheng-demo", ts, nonce), "timestamp", ts, "nonce", nonce))
                .post("/channels/wechat/demo").then().statusCode(200).body(org.hamcrest.Matchers.containsString("查询码"))
                .body(org.hamcrest.Matchers.containsString("/track/"));
        return probe.await(Topics.LIFECYCLE, r -> r.value().contains(text), Duration.ofSeconds(60)).orElseThrow().key();
    }

    private void routeAndRespond(String id, String message) {
        probe.publish(new PetitionRouted(id, "城乡建设", "A3", "A3区人民政府", 0.9, "test", Instant.now(), null, null, null), "routing-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/v1/petitions/" + id).then().body("status", org.hamcrest.Matchers.equalTo("ROUTED")));
        given().contentType(ContentType.JSON).body(Map.of("unitCode", "A3")).post("/api/v1/petitions/" + id + "/acceptance").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("unitCode", "A3", "message", message))
                .post("/api/v1/petitions/" + id + "/responses").then().statusCode(202);
    }

    private static List<String> history(String id) {
        return given().get("/api/v1/petitions/" + id).then().statusCode(200).extract().jsonPath().getList("history.type", String.class);
    }
}
