package io.wenzheng.intake.reply;

import com.fasterxml.jackson.databind.JsonNode;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.intake.IntakeConfig;
import io.wenzheng.intake.channel.alipay.AlipaySignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The open-platform gateway's rules for the life account's send API: requests signed with the account's key over
 * the sorted parameters, answers signed by Alipay over the exact text of the response object.
 */
final class AlipayGateway {
    static final String SEND_METHOD = "alipay.open.public.message.custom.send";
    private static final String RESPONSE = SEND_METHOD.replace('.', '_') + "_response";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private AlipayGateway() {
    }

    static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    static String sign(Map<String, String> params, IntakeConfig.AlipayAccount account) {
        // The gateway's request signature leaves out only "sign"; sign_type is signed, unlike in notifications.
        StringBuilder content = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((k, v) -> {
            if (!k.equals("sign") && v != null && !v.isEmpty()) {
                content.append(content.isEmpty() ? "" : "&").append(k).append('=').append(v);
            }
        });
        return AlipaySignature.sign(content.toString(), AlipaySignature.privateKey(account.privateKey()), StandardCharsets.UTF_8);
    }

    /** Fails unless Alipay signed the answer and the answer says the message was accepted (code 10000). */
    static void requireSuccess(String body, IntakeConfig.AlipayAccount account) {
        String signed = responseObject(body);
        JsonNode answer;
        try {
            answer = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Alipay answered something that is not JSON");
        }
        if (signed == null || !AlipaySignature.verify(signed, answer.path("sign").asText(null),
                AlipaySignature.publicKey(account.alipayPublicKey()), StandardCharsets.UTF_8)) {
            throw new IllegalStateException("Alipay's answer is not signed by Alipay's key");
        }
        JsonNode response = answer.path(RESPONSE);
        if (!"10000".equals(response.path("code").asText())) {
            throw new IllegalStateException("Alipay refused: " + response.path("code").asText() + " " + response.path("msg").asText()
                    + " " + response.path("sub_code").asText("") + " " + response.path("sub_msg").asText(""));
        }
    }

    /** The response object's characters exactly as sent: what Alipay's signature covers. */
    static String responseObject(String body) {
        String key = "\"" + RESPONSE + "\":";
        int start = body.indexOf(key);
        int end = body.lastIndexOf(",\"sign\":");
        if (start < 0 || end < start) {
            return null;
        }
        return body.substring(start + key.length(), end).strip();
    }
}
