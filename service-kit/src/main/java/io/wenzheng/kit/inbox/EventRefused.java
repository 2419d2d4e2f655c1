package io.wenzheng.kit.inbox;

/**
 * A handler's answer that an event cannot be applied (it names a petition this service never saw, say). Thrown
 * before the handler changes anything: the rest of the batch commits, and the event goes to the dead-letter topic
 * with this message as its reason, to be replayed once what it needs exists.
 */
public class EventRefused extends IllegalArgumentException {
    public EventRefused(String reason) {
        super(reason);
    }
}
