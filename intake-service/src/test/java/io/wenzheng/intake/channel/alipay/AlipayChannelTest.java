package io.wenzheng.intake.channel.alipay;

import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.wenzheng.contracts.Topics;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.devstack.testing.EventProbe;
import io.wenzheng.intake.channel.SafeXml;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo life account, called as Alipay's gateway calls it: forms signed with RSA2, in GBK or UTF-8. */
@QuarkusTest
// Every role at once, with no unit: these tests are about behaviour; UnitScopeTest and the e2e matrix test access.
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class AlipayChannelTest {
    private static final String URL = "/channels/alipay/demo";
    private static final String APP_ID = "2021000000000000";
    private EventProbe probe;
    private PrivateKey alipay;

    @BeforeEach
    void setUp() throws Exception {
        probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        alipay = AlipaySignature.privateKey(Files.readString(Path.of("src/test/resources/alipay-demo-platform-private-key.b64")).strip());
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void theGatewayCheckIsAnsweredWithTheAccountsKeySignedByIt() {
        String biz = "<XML><AppId>" + APP_ID + "</AppId><CreateTime>1764400000000</CreateTime><MsgType>event</MsgType>"
                + "<EventType>verifygw</EventType><FromUserId>2088000000000001</FromUserId></XML>";
        Response r = call(AlipayResource.CHECK, biz, StandardCharsets.UTF_8, true);
        r.then().statusCode(200);
        String xml = r.asString();
        String inner = xml.substring(xml.indexOf("<response>") + 10, xml.indexOf("</response>"));
        assertThat(inner).contains("<success>true</success>")
                .contains(ConfigProvider.getConfig().getValue("wenzheng.intake.alipay-accounts.demo.public-key", String.class));
        String sign = xml.substring(xml.indexOf("<sign>") + 6, xml.indexOf("</sign>"));
        assertThat(AlipaySignature.verify(inner, sign, AlipaySignature.publicKey(
                ConfigProvider.getConfig().getValue("wenzheng.intake.alipay-accounts.demo.public-key", String.class)), StandardCharsets.UTF_8))
                .as("Alipay can verify our answer with the account's public key").isTrue();
    }

    @Test
    void aGbkTextMessageBecomesOnePetition() {
        String text = "支付宝反映：灵武市东塔镇自来水发黄 " + UUID.randomUUID();
        String msgId = "m" + UUID.randomUUID();
        String biz = message("2088000000000002", text, msgId);
        Charset gbk = Charset.forName("GBK");
        call(AlipayResource.NOTIFY, biz, gbk, true).then().statusCode(200);
        call(AlipayResource.NOTIFY, biz, gbk, true).then().statusCode(200); // Alipay's retry
        var received = probe.await(Topics.LIFECYCLE, r -> r.value().contains(text), Duration.ofSeconds(60)).orElseThrow();
        assertThat(received.value()).contains("\"channel\":\"ALIPAY\"").doesNotContain("2088000000000002");
        assertThat(probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(3)).stream().filter(x -> x.value().contains(text))).hasSize(1);
    }

    @Test
    void aForgedOrTamperedCallIsRefusedAndStoresNothing() {
        String text = "伪造的消息 " + UUID.randomUUID();
        String biz = message("2088000000000003", text, "m" + UUID.randomUUID());
        call(AlipayResource.NOTIFY, biz, StandardCharsets.UTF_8, false).then().statusCode(403).contentType("application/problem+json");
        // Signed, then changed on the way.
        Map<String, String> form = signedForm(AlipayResource.NOTIFY, biz, StandardCharsets.UTF_8);
        form.put("biz_content", biz.replace("伪造", "篡改"));
        post(form, StandardCharsets.UTF_8).then().statusCode(403);
        call(AlipayResource.NOTIFY, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><XML>&e;</XML>", StandardCharsets.UTF_8, true)
                .then().statusCode(400);
        given().contentType("application/json").body("{}").post(URL).then().statusCode(415);
        assertThat(probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(3)).stream().filter(x -> x.value().contains("伪造") || x.value().contains("篡改"))
                .filter(x -> x.value().contains(text.substring(6)))).isEmpty();
    }

    @Test
    void twoThousandMalformedFormsGetNoServerError() {
        Random random = new Random(20261201);
        byte[] base = encode(signedForm(AlipayResource.NOTIFY, message("2088000000000004", "路灯不亮", "fuzz-base"), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII);
        int accepted = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] b = base.clone();
            switch (random.nextInt(3)) {
                case 0 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
                case 1 -> {
                    for (int k = 0; k < 1 + random.nextInt(6); k++) {
                        b[random.nextInt(b.length)] = (byte) "%&=+<>x\u0000".charAt(random.nextInt(8));
                    }
                }
                default -> {
                    b = new byte[random.nextInt(400)];
                    random.nextBytes(b);
                }
            }
            int status = given().contentType("application/x-www-form-urlencoded").body(new String(b, StandardCharsets.ISO_8859_1))
                    .post(URL).statusCode();
            assertThat(status).as("form %d", i).isLessThan(500);
            accepted += status == 200 ? 1 : 0;
        }
        System.out.printf("alipay fuzz: 2000 malformed forms, %d still carried an intact signed message%n", accepted);
        // Only a mutation that left the signed message intact can be accepted, and it is one message: at most one petition.
        assertThat(probe.readAll(Topics.LIFECYCLE, Duration.ofSeconds(3)).stream()
                .filter(x -> x.value().contains("\"channel\":\"ALIPAY\"") && x.value().contains("路灯不亮"))).hasSizeLessThanOrEqualTo(1);
    }

    private static String message(String from, String text, String msgId) {
        return "<XML><AppId>" + APP_ID + "</AppId><FromUserId>" + from + "</FromUserId><CreateTime>1764400000000</CreateTime>"
                + "<MsgType>text</MsgType><Text><Content>" + SafeXml.cdata(text) + "</Content></Text><MsgId>" + msgId + "</MsgId></XML>";
    }

    private Response call(String service, String biz, Charset charset, boolean signRight) {
        Map<String, String> form = signedForm(service, biz, charset);
        if (!signRight) {
            form.put("sign", form.get("sign").substring(8) + "AAAAAAAA");
        }
        return post(form, charset);
    }

    private Map<String, String> signedForm(String service, String biz, Charset charset) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("service", service);
        form.put("charset", charset.name());
        form.put("biz_content", biz);
        form.put("sign_type", "RSA2");
        form.put("sign", AlipaySignature.sign(AlipaySignature.content(form), alipay, charset));
        return form;
    }

    private static Response post(Map<String, String> form, Charset charset) {
        return given().contentType("application/x-www-form-urlencoded").body(encode(form, charset)).post(URL);
    }

    private static String encode(Map<String, String> form, Charset charset) {
        return form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), charset)).collect(Collectors.joining("&"));
    }
}
