package io.wenzheng.kit.inbox;

/** An event of a batch that its handler refused, and why; the handler changed nothing for it. */
public record Refusal(String eventId, String reason) {
}
