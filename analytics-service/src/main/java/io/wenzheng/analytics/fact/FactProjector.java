package io.wenzheng.analytics.fact;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.analytics.hotspot.HotspotWatch;
import io.wenzheng.analytics.measure.MeasureStore;
import io.wenzheng.analytics.wiring.AnalyticsConfig;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionReturned;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps one fact row per petition from every topic and moves the pre-aggregated counters by the difference each
 * event makes; the inbox makes each event count once, and both writes share its transaction.
 */
@ApplicationScoped
public class FactProjector {
    private final EventConsumer consumer;
    private final MeasureStore measures;
    private final HotspotWatch hotspots;
    private final AnalyticsConfig config;

    @Inject
    public FactProjector(EventConsumer consumer, MeasureStore measures, HotspotWatch hotspots, AnalyticsConfig config) {
        this.consumer = consumer;
        this.measures = measures;
        this.hotspots = hotspots;
        this.config = config;
    }

    @Incoming("lifecycle-in")
    public Uni<Void> lifecycle(Message<String> message) {
        return consumer.consume(message, "analytics-facts", this::apply);
    }

    @Incoming("sla-in")
    public Uni<Void> sla(Message<String> message) {
        return consumer.consume(message, "analytics-facts", this::apply);
    }

    Uni<Void> apply(ConsumedEvent event) {
        // The lifecycle and SLA channels fold into the same row concurrently: make sure the row exists, then lock it.
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into petition_fact (petition_id, status, updated_at) values (:id, 'RECEIVED', now()) on conflict do nothing")
                .setParameter("id", event.petitionId()).executeUpdate())
                .chain(() -> PetitionFact.<PetitionFact>findById(event.petitionId(), LockModeType.PESSIMISTIC_WRITE))
                .chain(fact -> {
                    Optional<Contribution> before = Contribution.of(fact.snapshot(), config.zone());
                    FactSnapshot previous = fact.snapshot();
                    FactFolding.fold(fact, event.type(), event.data());
                    fact.updatedAt = Instant.now();
                    Optional<Contribution> after = Contribution.of(fact.snapshot(), config.zone());
                    List<Contribution> changes = new ArrayList<>(Contribution.delta(before, after));
                    if (event.data() instanceof PetitionReturned returned) {
                        Contribution.handBack(previous, returned.unitCode(), config.zone()).ifPresent(changes::add);
                    }
                    return measures.add(changes)
                            .chain(() -> unitLabel(event))
                            .chain(() -> event.data() instanceof PetitionReceived received
                                    ? hotspots.observe(received)
                                    : Uni.createFrom().voidItem());
                });
    }

    /** A routing or a transfer names the unit: keep the name for league tables and reports. */
    private static Uni<Void> unitLabel(ConsumedEvent event) {
        String code = null;
        String name = null;
        if (event.data() instanceof io.wenzheng.contracts.PetitionRouted routed) {
            code = routed.unitCode();
            name = routed.unitName();
        } else if (event.data() instanceof io.wenzheng.contracts.PetitionTransferred transferred) {
            code = transferred.toUnitCode();
            name = transferred.toUnitName();
        }
        if (code == null || name == null || name.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        String unitCode = code;
        String unitName = name;
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into unit_label (unit_code, unit_name, updated_at) "
                        + "values (:code, :name, now()) on conflict (unit_code) do update set unit_name = excluded.unit_name, "
                        + "updated_at = excluded.updated_at where unit_label.unit_name <> excluded.unit_name")
                .setParameter("code", unitCode).setParameter("name", unitName).executeUpdate()).replaceWithVoid();
    }
}
