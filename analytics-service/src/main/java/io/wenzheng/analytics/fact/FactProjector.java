package io.wenzheng.analytics.fact;

import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps one fact row per petition from every topic; the inbox makes each event count once. */
@ApplicationScoped
public class FactProjector {
    private final EventConsumer consumer;

    @Inject
    public FactProjector(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("lifecycle-in")
    public Uni<Void> lifecycle(Message<String> message) {
        return consumer.consume(message, "analytics-facts", this::apply);
    }

    @Incoming("sla-in")
    public Uni<Void> sla(Message<String> message) {
        return consumer.consume(message, "analytics-facts", this::apply);
    }

    @Incoming("insight-in")
    public Uni<Void> insight(Message<String> message) {
        // Hotspots and reports are produced by analytics itself; nothing to fold yet.
        return consumer.consume(message, "analytics-facts", event -> Uni.createFrom().voidItem());
    }

    Uni<Void> apply(ConsumedEvent event) {
        // Locked, because the lifecycle and SLA channels fold into the same row concurrently.
        return PetitionFact.<PetitionFact>findById(event.petitionId(), LockModeType.PESSIMISTIC_WRITE).chain(existing -> {
            PetitionFact fact = existing == null ? new PetitionFact() : existing;
            fact.petitionId = event.petitionId();
            FactFolding.fold(fact, event.type(), event.data());
            fact.updatedAt = Instant.now();
            return existing == null ? fact.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }
}
