package io.wenzheng.kit.inbox;

import io.wenzheng.contracts.EventType;

/**
 * What a record's CloudEvents headers say, before its data is read: enough for a consumer to decide whether it acts on
 * the event, so the JSON of events it skips (routing skips every event but received and returned petitions; intake
 * skips its own) is never parsed.
 */
public record EventHead(String id, EventType type, String source) {
}
