package io.wenzheng.intake.channel.wechat;

import io.wenzheng.contracts.Channel;
import io.wenzheng.intake.petition.PetitionSubmission;
import java.util.Map;
import java.util.Optional;

/**
 * A message pushed to an Official Account, as its XML fields. Text, image, voice and location messages are
 * petitions; events (subscribe, menu clicks...) and other types are not.
 */
public record WeChatMessage(Map<String, String> fields) {

    public String type() {
        return fields.getOrDefault("MsgType", "");
    }

    public String from() {
        return fields.get("FromUserName");
    }

    public String to() {
        return fields.get("ToUserName");
    }

    public String messageId() {
        return fields.get("MsgId");
    }

    public boolean isEvent() {
        return "event".equals(type());
    }

    /** The petition this message asks for, if it is one. */
    public Optional<PetitionSubmission> petition() {
        if (from() == null || from().isBlank() || messageId() == null || messageId().isBlank()) {
            return Optional.empty();
        }
        return switch (type()) {
            case "text" -> text(fields.get("Content"), null);
            case "image" -> picture(fields.get("PicUrl"));
            case "voice" -> text(fields.getOrDefault("Recognition", "").isBlank()
                    ? "（微信语音，未转写，MediaId " + fields.getOrDefault("MediaId", "") + "）"
                    : fields.get("Recognition"), null);
            case "location" -> location();
            default -> Optional.empty();
        };
    }

    private Optional<PetitionSubmission> location() {
        try {
            double lat = Double.parseDouble(fields.getOrDefault("Location_X", ""));
            double lon = Double.parseDouble(fields.getOrDefault("Location_Y", ""));
            String label = fields.getOrDefault("Label", "");
            return text("（微信位置）" + label, new PetitionSubmission.Place(label.isBlank() ? null : label, lat, lon));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A picture: the petition's text says so, and the picture's URL is its attachment. */
    private static Optional<PetitionSubmission> picture(String url) {
        boolean usable = url != null && url.matches("^https?://\\S{1,1990}$");
        return Optional.of(new PetitionSubmission(Channel.WECHAT, null, usable ? "（微信图片）" : "（微信图片，无法读取）", null, null,
                usable ? java.util.List.of(url) : java.util.List.of()));
    }

    private static Optional<PetitionSubmission> text(String text, PetitionSubmission.Place place) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String bounded = text.length() > 10_000 ? text.substring(0, 10_000) : text;
        return Optional.of(new PetitionSubmission(Channel.WECHAT, null, bounded, place, null));
    }
}
