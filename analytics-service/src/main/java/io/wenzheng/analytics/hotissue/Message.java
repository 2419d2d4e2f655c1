package io.wenzheng.analytics.hotissue;

import java.time.Instant;

/**
 * A citizen's message as hot-issue ranking reads it. {@code citizen} is the writer's account where the channel
 * gives one (null otherwise, and then each message counts as its own citizen); {@code likes} is the support the
 * channel shows, 0 where it has none.
 */
public record Message(String id, String citizen, String subject, String body, Instant time, int likes) {

    public Message {
        if (id == null || time == null) {
            throw new IllegalArgumentException("a message needs an id and a time");
        }
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        likes = Math.max(0, likes);
    }

    String citizenOrSelf() {
        return citizen == null || citizen.isBlank() ? "message:" + id : citizen;
    }
}
