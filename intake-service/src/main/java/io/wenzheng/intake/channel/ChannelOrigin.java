package io.wenzheng.intake.channel;

/**
 * Where a platform message came from: the account it was sent to, the platform's message id (its retries repeat
 * it) and the citizen's id on the platform (PII: sealed with the contact data, never in events).
 */
public record ChannelOrigin(String account, String messageId, String citizenPlatformId) {
}
