package io.wenzheng.routing.decision;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionReturned;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.RoutingExplanation;
import io.wenzheng.contracts.TriageRequired;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.inbox.EventConsumer;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.routing.RoutingConfig;
import io.wenzheng.routing.classifier.CategoryModel;
import io.wenzheng.routing.classifier.Classification;
import io.wenzheng.routing.directory.DirectoryCache;
import io.wenzheng.routing.directory.Unit;
import io.wenzheng.routing.directory.UnitTree;
import io.wenzheng.routing.handback.HandBack;
import io.wenzheng.routing.triage.TriageCase;
import io.wenzheng.routing.triage.TriageQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.smallrye.mutiny.Multi;
import io.wenzheng.kit.inbox.Refusal;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Routes every received petition (classify, choose a unit, record why, tell the lifecycle and the unit's feed), and
 * routes it again when a unit hands it back, never to a unit that returned it. After two hand-backs a supervisor
 * decides instead: that stops the ping-pong between units.
 */
@ApplicationScoped
public class PetitionRouting {
    /** The service's clock ({@code kit.time.ServiceClock}): the system clock, or a test profile's. */
    @jakarta.inject.Inject
    java.time.Clock clock;
    private final EventConsumer consumer;
    private final Outbox outbox;
    private final CategoryModel classifier;
    private final Router router;
    private final DirectoryCache directory;
    private final io.wenzheng.routing.classifier.SubcategoryLexicon subcategories;

    @Inject
    public PetitionRouting(EventConsumer consumer, Outbox outbox, RoutingConfig config, CategoryModel classifier, DirectoryCache directory,
                           io.wenzheng.routing.classifier.SubcategoryLexicon subcategories) {
        this.consumer = consumer;
        this.subcategories = subcategories;
        this.directory = directory;
        this.outbox = outbox;
        this.classifier = classifier;
        this.router = new Router(config.minConfidence());
    }

    /** What routing needs to know about a petition. */
    record Petition(String id, String trackingCode, String subject, String body, String address, Double latitude, Double longitude,
                    String categoryHint) {
        PlaceClues place() {
            return PlaceClues.of(subject, body, address, latitude, longitude);
        }

        static Petition of(PetitionReceived received) {
            var where = received.location();
            return new Petition(received.petitionId(), received.trackingCode(), received.subject(), received.text(),
                    where == null ? null : where.address(), where == null ? null : where.latitude(), where == null ? null : where.longitude(),
                    received.categoryHint());
        }
    }

    /** A poll batch in one transaction, in the order read. */
    @Incoming("lifecycle-in")
    public Uni<Void> onLifecycle(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, "routing",
                event -> event.type() == EventType.PETITION_RECEIVED || event.type() == EventType.PETITION_RETURNED,
                new EventConsumer.BatchHandler() {
                    @Override
                    public Uni<List<Refusal>> apply(List<ConsumedEvent> events) {
                        return applyAll(events);
                    }

                    /** Received petitions are routed by statement; a hand-back, rare, works with entities. */
                    @Override
                    public boolean usesHibernate(List<ConsumedEvent> events) {
                        return events.stream().anyMatch(event -> event.type() == EventType.PETITION_RETURNED);
                    }
                });
    }

    /**
     * Each run of received petitions is routed together: every decision is made in memory, then the run's decisions,
     * its operator queue entries and its events are written in one statement each. A hand-back reads the decisions
     * before it, so it ends a run and is applied on its own; hand-backs are rare.
     */
    Uni<List<Refusal>> applyAll(List<ConsumedEvent> events) {
        List<Refusal> refused = new ArrayList<>();
        EventConsumer.BatchHandler handBacks = EventConsumer.oneByOne(this::handBack);
        return Multi.createFrom().iterable(runs(events))
                .onItem().transformToUniAndConcatenate(run -> run.get(0).data() instanceof PetitionReceived
                        ? routeAll(run)
                        : handBacks.apply(run).invoke(refused::addAll).replaceWithVoid())
                .collect().last().replaceWith(() -> List.copyOf(refused));
    }

    /** Consecutive received petitions together; every other event alone. */
    static List<List<ConsumedEvent>> runs(List<ConsumedEvent> events) {
        List<List<ConsumedEvent>> runs = new ArrayList<>();
        for (ConsumedEvent event : events) {
            boolean received = event.data() instanceof PetitionReceived;
            List<ConsumedEvent> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (received && last != null && last.get(0).data() instanceof PetitionReceived) {
                last.add(event);
            } else {
                runs.add(new ArrayList<>(List.of(event)));
            }
        }
        return runs;
    }

    private Uni<Void> routeAll(List<ConsumedEvent> run) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return directory.current().chain(snapshot -> {
            Map<String, List<Object>> decisions = new LinkedHashMap<>();
            Map<String, List<Object>> queued = new LinkedHashMap<>();
            Outbox.Appends events = outbox.appends();
            for (ConsumedEvent event : run) {
                event.makeCurrent();
                PetitionReceived received = (PetitionReceived) event.data();
                Petition petition = Petition.of(received);
                // History is routed as of its own day, and its routing is history too.
                Instant at = received.imported() != null ? received.receivedAt() : now;
                RoutingDecision decision = decide(petition, Set.of(), received.imported() == null ? null : received.imported().unitCode(),
                        received.imported() != null, snapshot);
                DecisionRow row = new DecisionRow();
                fill(row, petition, decision, snapshot.tree(), at);
                decisions.put(petition.id(), DecisionRows.values(row));
                if (decision instanceof RoutingDecision.Triage triage) {
                    queued.putIfAbsent(petition.id(), TriageQueue.values(triageCase(petition, triage, at)));
                }
                events.add(announcement(petition, decision, snapshot.tree(), at), at);
            }
            return DecisionRows.UPSERT.execute(List.copyOf(decisions.values()))
                    .chain(() -> TriageQueue.INSERT.execute(List.copyOf(queued.values())))
                    .chain(events::write);
        });
    }

    private Uni<Void> handBack(ConsumedEvent event) {
        return handBack((PetitionReturned) event.data(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private Uni<Void> route(Petition petition, Set<String> excluded, Instant now) {
        return directory.current().chain(snapshot -> {
            RoutingDecision decision = decide(petition, excluded, null, false, snapshot);
            UnitTree tree = snapshot.tree();
            return record(petition, decision, tree, now)
                    .chain(() -> decision instanceof RoutingDecision.Triage triage
                            ? queueForOperator(petition, triage, now)
                            : Uni.createFrom().voidItem())
                    .chain(() -> outbox.append(announcement(petition, decision, tree, now), now).replaceWithVoid());
        });
    }

    /** @param imported a petition from an earlier system, which may name its unit ({@code recordedUnit}) */
    private RoutingDecision decide(Petition petition, Set<String> excluded, String recordedUnit, boolean imported,
                                   DirectoryCache.Snapshot snapshot) {
        Classification classification = petition.categoryHint() != null && classifier.categories().contains(petition.categoryHint())
                ? new Classification(petition.categoryHint(), 1.0, List.of("category named at intake"))
                : classifier.classify(petition.subject(), petition.body());
        var units = excluded.isEmpty() ? snapshot.units() : snapshot.units().stream().filter(u -> !excluded.contains(u.code())).toList();
        return imported ? router.recorded(classification, recordedUnit, petition.place(), units, snapshot.rules())
                : router.route(classification, petition.place(), units, snapshot.rules());
    }

    private Uni<Void> handBack(PetitionReturned returned, Instant now) {
        return DecisionRow.<DecisionRow>findById(returned.petitionId()).chain(decision -> {
            if (decision == null || decision.body == null) {
                throw new io.wenzheng.kit.inbox.EventRefused("hand-back of petition " + returned.petitionId() + " that routing never routed");
            }
            HandBack handBack = new HandBack();
            handBack.petitionId = returned.petitionId();
            handBack.unitCode = returned.unitCode();
            handBack.reason = returned.reason();
            handBack.returnedAt = returned.returnedAt();
            Petition petition = new Petition(decision.petitionId, decision.trackingCode, decision.subject, decision.body, decision.address,
                    decision.latitude, decision.longitude, decision.categoryHint);
            return handBack.persist()
                    .chain(() -> HandBack.<HandBack>list("petitionId", returned.petitionId()))
                    .chain(all -> {
                        List<String> units = all.stream().map(h -> h.unitCode).toList();
                        if (all.size() >= HandBack.PING_PONG_LIMIT) {
                            String reason = "handed back " + all.size() + " times (by " + String.join(", ", units)
                                    + "; last reason: " + returned.reason() + "): a supervisor must decide";
                            return toSupervisor(petition, decision.category, reason, now);
                        }
                        return route(petition, units.stream().collect(Collectors.toSet()), now);
                    });
        });
    }

    private Uni<Void> toSupervisor(Petition petition, String category, String reason, Instant now) {
        RoutingDecision.Triage triage = new RoutingDecision.Triage(category, 0.0, RoutingDecision.Why.BOUNCED, List.of(), reason);
        return record(petition, triage, new UnitTree(List.of()), now)
                .chain(() -> TriageCase.<TriageCase>findById(petition.id()))
                .chain(existing -> {
                    if (existing != null) {
                        existing.status = TriageCase.Status.OPEN;
                        existing.reason = reason;
                        existing.why = RoutingDecision.Why.BOUNCED.name();
                        existing.supervisor = true;
                        existing.decidedAt = null;
                        return Uni.createFrom().voidItem();
                    }
                    return queueForOperator(petition, triage, now)
                            .chain(() -> TriageCase.<TriageCase>findById(petition.id()))
                            .invoke(c -> c.supervisor = true).replaceWithVoid();
                })
                .chain(() -> outbox.append(announcement(petition, triage, new UnitTree(List.of()), now), now).replaceWithVoid());
    }

    private Uni<Void> record(Petition petition, RoutingDecision decision, UnitTree tree, Instant now) {
        return DecisionRow.<DecisionRow>findById(petition.id()).chain(existing -> {
            DecisionRow row = existing == null ? new DecisionRow() : existing;
            fill(row, petition, decision, tree, now);
            return existing == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private static void fill(DecisionRow row, Petition petition, RoutingDecision decision, UnitTree tree, Instant now) {
        row.petitionId = petition.id();
        row.trackingCode = petition.trackingCode();
        row.subject = petition.subject();
        row.body = petition.body();
        row.address = petition.address();
        row.latitude = petition.latitude();
        row.categoryHint = petition.categoryHint();
        row.longitude = petition.longitude();
        row.confidence = decision.confidence();
        row.reason = decision.reason();
        row.decidedAt = now;
        if (decision instanceof RoutingDecision.Routed routed) {
            row.outcome = "ROUTED";
            row.category = routed.category();
            row.unitCode = routed.unit().code();
            row.supervisingUnits = io.wenzheng.kit.security.Sight.encode(tree.supervisorsOf(row.unitCode));
        } else if (decision instanceof RoutingDecision.Triage triage) {
            row.outcome = "TRIAGE";
            row.category = triage.suggestedCategory();
            row.unitCode = null;
            row.supervisingUnits = null;
        }
    }

    private Uni<Void> queueForOperator(Petition petition, RoutingDecision.Triage triage, Instant now) {
        return TriageCase.<TriageCase>findById(petition.id()).chain(existing -> existing != null
                ? Uni.createFrom().voidItem()
                : triageCase(petition, triage, now).persist().replaceWithVoid());
    }

    private TriageCase triageCase(Petition petition, RoutingDecision.Triage triage, Instant now) {
        String category = triage.suggestedCategory();
        TriageCase c = new TriageCase();
        c.petitionId = petition.id();
        c.trackingCode = petition.trackingCode();
        c.subject = petition.subject();
        c.body = petition.body();
        c.address = petition.address();
        c.suggestedCategory = category;
        c.suggestedSubcategory = category == null ? null : subcategory(subcategories, category, petition.subject(), petition.body());
        c.confidence = triage.confidence();
        c.reason = triage.reason();
        c.why = triage.why().name();
        c.evidence = String.join("\n", triage.words());
        c.status = TriageCase.Status.OPEN;
        c.createdAt = now;
        return c;
    }

    /** What the lifecycle hears of a decision: the petition routed to a unit, or waiting for an operator. */
    private io.wenzheng.contracts.PetitionEvent announcement(Petition petition, RoutingDecision decision, UnitTree tree, Instant now) {
        String petitionId = petition.id();
        if (decision instanceof RoutingDecision.Routed routed) {
            return new PetitionRouted(petitionId, routed.category(), routed.unit().code(), routed.unit().name(),
                    routed.confidence(), routed.reason(), now, routed.unit().calendarRegion(),
                    new RoutingExplanation(routed.rule(), routed.matchedTerms()), tree.districtOf(routed.unit().code()),
                    tree.supervisorsOf(routed.unit().code()), subcategory(subcategories, routed.category(), petition.subject(), petition.body()));
        }
        RoutingDecision.Triage triage = (RoutingDecision.Triage) decision;
        return new TriageRequired(petitionId, triage.suggestedCategory(), triage.confidence(), triage.reason(), now);
    }

    /** The level-2 category the text names under its level 1, or null. */
    public static String subcategory(io.wenzheng.routing.classifier.SubcategoryLexicon lexicon, String category, String subject, String body) {
        return lexicon.match(category, (subject == null ? "" : subject) + " " + (body == null ? "" : body))
                .map(io.wenzheng.routing.classifier.SubcategoryLexicon.Subcategory::name).orElse(null);
    }

    /** A routed petition goes on the lifecycle topic; intake tells the unit's own feed, with the whole case. */
    public static Uni<Void> announceRouted(Outbox outbox, PetitionRouted event, Instant now) {
        return outbox.append(event, now).replaceWithVoid();
    }
}
