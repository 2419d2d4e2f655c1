package io.wenzheng.intake.channel.alipay;

import io.wenzheng.contracts.Channel;
import io.wenzheng.intake.petition.PetitionSubmission;
import java.util.Map;
import java.util.Optional;

/** A message a citizen sent to a life account (生活号), as the fields of its {@code biz_content} XML. */
public record AlipayMessage(Map<String, String> fields) {

    public String type() {
        return fields.getOrDefault("MsgType", "");
    }

    public String from() {
        return fields.get("FromUserId");
    }

    public String messageId() {
        return fields.get("MsgId");
    }

    public String appId() {
        return fields.get("AppId");
    }

    /** Text and image messages are petitions; events (follow, menu clicks, the gateway check) are not. */
    public Optional<PetitionSubmission> petition() {
        if (from() == null || from().isBlank() || messageId() == null || messageId().isBlank()) {
            return Optional.empty();
        }
        String text = switch (type()) {
            case "text" -> fields.getOrDefault("Text", "");
            case "image" -> "（支付宝图片，MediaId " + fields.getOrDefault("Image", "") + "）";
            default -> "";
        };
        if (text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PetitionSubmission(Channel.ALIPAY, null, text.length() > 10_000 ? text.substring(0, 10_000) : text, null, null));
    }
}
