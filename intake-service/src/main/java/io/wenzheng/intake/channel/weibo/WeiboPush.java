package io.wenzheng.intake.channel.weibo;

import com.fasterxml.jackson.databind.JsonNode;
import io.wenzheng.contracts.Channel;
import io.wenzheng.intake.petition.PetitionSubmission;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A message the Weibo fan-service platform (粉丝服务平台) pushes to an account: a private message or a mention.
 * Text, position, image, voice and mention pushes are petitions; events (follow, menu clicks...) and unknown types
 * are not.
 */
public record WeiboPush(JsonNode json) {

    public String type() {
        return json.path("type").asText("");
    }

    public String senderId() {
        return json.path("sender_id").asText("");
    }

    public String receiverId() {
        return json.path("receiver_id").asText("");
    }

    /** Weibo pushes carry no message id; a retry repeats the push exactly, so its content identifies it. */
    public String messageId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (senderId() + "|" + json.path("created_at").asText("") + "|" + type() + "|" + json.path("text").asText("") + "|"
                            + json.path("data")).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<PetitionSubmission> petition() {
        if (senderId().isBlank()) {
            return Optional.empty();
        }
        JsonNode data = json.path("data");
        return switch (type()) {
            case "text", "mention" -> text(json.path("text").asText(""), null);
            case "image" -> text("（微博图片，vfid " + data.path("vfid").asText("") + "）", null);
            case "voice" -> text("（微博语音，vfid " + data.path("vfid").asText("") + "）", null);
            case "position" -> position(data);
            default -> Optional.empty();
        };
    }

    private static Optional<PetitionSubmission> position(JsonNode data) {
        try {
            double lat = Double.parseDouble(data.path("latitude").asText(""));
            double lon = Double.parseDouble(data.path("longitude").asText(""));
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                return Optional.empty();
            }
            return text("（微博位置）", new PetitionSubmission.Place(null, lat, lon));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<PetitionSubmission> text(String text, PetitionSubmission.Place place) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PetitionSubmission(Channel.WEIBO, null, text.length() > 10_000 ? text.substring(0, 10_000) : text, place, null));
    }
}
