package io.wenzheng.kit.inbox;

import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionEvent;
import java.time.Instant;

/** An event read from Kafka: its CloudEvents attributes and its typed data. */
public record ConsumedEvent(String id, EventType type, String source, Instant time, PetitionEvent data) {

    public String petitionId() {
        return data.petitionId();
    }
}
