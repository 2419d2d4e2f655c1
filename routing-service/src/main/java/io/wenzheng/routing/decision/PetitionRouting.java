package io.wenzheng.routing.decision;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.TriageRequired;
import io.wenzheng.contracts.Topics;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.inbox.EventConsumer;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.routing.RoutingConfig;
import io.wenzheng.routing.classifier.Classification;
import io.wenzheng.routing.classifier.CategoryModel;
import io.wenzheng.routing.directory.UnitRow;
import io.wenzheng.routing.triage.TriageCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Routes every received petition: classify, choose a unit, record why, tell the lifecycle and the unit's feed. */
@ApplicationScoped
public class PetitionRouting {
    private final EventConsumer consumer;
    private final Outbox outbox;
    private final CategoryModel classifier;
    private final Router router;

    @Inject
    public PetitionRouting(EventConsumer consumer, Outbox outbox, RoutingConfig config, CategoryModel classifier) {
        this.classifier = classifier;
        this.consumer = consumer;
        this.outbox = outbox;
        this.router = new Router(config.minConfidence());
    }

    @Incoming("lifecycle-in")
    public Uni<Void> onLifecycle(Message<String> message) {
        return consumer.consume(message, "routing", this::apply);
    }

    Uni<Void> apply(ConsumedEvent event) {
        if (event.type() != EventType.PETITION_RECEIVED) {
            return Uni.createFrom().voidItem();
        }
        PetitionReceived received = (PetitionReceived) event.data();
        String text = (received.subject() == null ? "" : received.subject() + " ") + received.text();
        String place = text + (received.location() != null && received.location().address() != null
                ? " " + received.location().address() : "");
        Classification classification = classifier.classify(received.subject(), received.text());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return UnitRow.<UnitRow>listAll()
                .map(rows -> router.route(classification, place, rows.stream().map(UnitRow::toUnit).toList()))
                .chain(decision -> record(received.petitionId(), decision, now)
                        .chain(() -> queueForOperator(received, decision, now))
                        .chain(() -> announce(received.petitionId(), decision, now)));
    }

    private Uni<Void> record(String petitionId, RoutingDecision decision, Instant now) {
        return DecisionRow.<DecisionRow>findById(petitionId).chain(existing -> {
            DecisionRow row = existing == null ? new DecisionRow() : existing;
            row.petitionId = petitionId;
            row.confidence = decision.confidence();
            row.reason = decision.reason();
            row.decidedAt = now;
            if (decision instanceof RoutingDecision.Routed routed) {
                row.outcome = "ROUTED";
                row.category = routed.category();
                row.unitCode = routed.unit().code();
            } else if (decision instanceof RoutingDecision.Triage triage) {
                row.outcome = "TRIAGE";
                row.category = triage.suggestedCategory();
                row.unitCode = null;
            }
            return existing == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> queueForOperator(PetitionReceived received, RoutingDecision decision, Instant now) {
        if (!(decision instanceof RoutingDecision.Triage triage)) {
            return Uni.createFrom().voidItem();
        }
        return TriageCase.<TriageCase>findById(received.petitionId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            TriageCase c = new TriageCase();
            c.petitionId = received.petitionId();
            c.subject = received.subject();
            c.body = received.text();
            c.address = received.location() == null ? null : received.location().address();
            c.suggestedCategory = triage.suggestedCategory();
            c.confidence = triage.confidence();
            c.reason = triage.reason();
            c.status = TriageCase.Status.OPEN;
            c.createdAt = now;
            return c.persist().replaceWithVoid();
        });
    }

    private Uni<Void> announce(String petitionId, RoutingDecision decision, Instant now) {
        if (decision instanceof RoutingDecision.Routed routed) {
            PetitionRouted event = new PetitionRouted(petitionId, routed.category(), routed.unit().code(), routed.unit().name(),
                    routed.confidence(), routed.reason(), now);
            return outbox.append(event, now)
                    .chain(() -> outbox.append(event, Topics.unitFeed(routed.unit().code()), now))
                    .replaceWithVoid();
        }
        RoutingDecision.Triage triage = (RoutingDecision.Triage) decision;
        return outbox.append(new TriageRequired(petitionId, triage.suggestedCategory(), triage.confidence(), triage.reason(), now), now)
                .replaceWithVoid();
    }
}
