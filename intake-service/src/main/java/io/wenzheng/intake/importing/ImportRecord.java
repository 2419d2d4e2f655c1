package io.wenzheng.intake.importing;

import io.wenzheng.contracts.Channel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One historical petition as an earlier system recorded it, validated.
 *
 * @param replies    the unit's answers in time order; the first is the first response
 * @param resolvedAt when it was closed; null when still open
 * @param rating     the citizen's rating, 1 to 5, or null
 */
public record ImportRecord(int line, Instant receivedAt, Channel channel, String subject, String text, String category, String unitCode,
                           String citizen, List<Reply> replies, Instant resolvedAt, Integer rating) {

    public record Reply(Instant at, String text) {
    }

    public ImportRecord {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    public Instant firstResponseAt() {
        return replies.isEmpty() ? null : replies.get(0).at();
    }

    /** What makes two lines the same petition, whichever file or line they come from. */
    public String key() {
        String content = receivedAt + "\u0000" + (citizen == null ? "" : citizen) + "\u0000" + (subject == null ? "" : subject)
                + "\u0000" + text;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
