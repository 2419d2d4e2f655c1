package io.wenzheng.analytics.fact;

import io.smallrye.mutiny.Uni;
import io.wenzheng.analytics.hotspot.HotspotWatch;
import io.wenzheng.analytics.measure.MeasureStore;
import io.wenzheng.analytics.wiring.AnalyticsConfig;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionReturned;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.inbox.EventConsumer;
import io.wenzheng.kit.sql.MultiRowStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps one fact row per petition from every topic and moves the pre-aggregated counters by the difference each
 * event makes; the inbox makes each event count once, and both writes share its transaction.
 */
@ApplicationScoped
public class FactProjector {
    private static final MultiRowStatement UNIT_LABELS = new MultiRowStatement(
            "insert into unit_label (unit_code, unit_name, updated_at) values ", "(?, ?, now())",
            " on conflict (unit_code) do update set unit_name = excluded.unit_name, updated_at = excluded.updated_at "
                    + "where unit_label.unit_name <> excluded.unit_name");
    private static final MultiRowStatement ENSURE = new MultiRowStatement(
            "insert into petition_fact (petition_id, status, updated_at) values ", "(?, 'RECEIVED', now())", " on conflict do nothing");

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

    /** A poll batch of petition.lifecycle and petition.sla together. */
    @Incoming("petition-events-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, "analytics-facts", EventConsumer.withoutHibernate(EventConsumer.acceptingAll(this::apply)));
    }

    /**
     * A batch: its petitions' fact rows made to exist and locked, in one order (the lifecycle and SLA channels fold
     * into the same rows concurrently), each event folded in memory in the order read; then the facts, the counters
     * (by the whole batch's difference), the unit names and the hotspot documents are written in one statement each, in
     * a transaction on the pool: no entity is managed here.
     */
    Uni<Void> apply(List<ConsumedEvent> events) {
        List<String> ids = events.stream().map(ConsumedEvent::petitionId).distinct().sorted().toList();
        // The received petitions are read on worker threads while the facts are written; the detector sees them after.
        Uni<List<HotspotWatch.Reading>> reading = hotspots.read(events.stream().filter(e -> e.data() instanceof PetitionReceived).toList());
        Uni<Boolean> written = ENSURE.execute(ids.stream().map(id -> List.<Object>of(id)).toList())
                .chain(() -> FactRows.lock(ids))
                .chain(rows -> {
                    Map<String, PetitionFact> facts = rows.stream().collect(Collectors.toMap(f -> f.petitionId, f -> f));
                    List<Contribution> changes = new ArrayList<>();
                    Map<String, String> unitNames = new LinkedHashMap<>();
                    Instant now = Instant.now();
                    for (ConsumedEvent event : events) {
                        PetitionFact fact = facts.get(event.petitionId());
                        Optional<Contribution> before = Contribution.of(fact.snapshot(), config.zone());
                        FactSnapshot previous = fact.snapshot();
                        FactFolding.fold(fact, event.type(), event.data());
                        fact.updatedAt = now;
                        Optional<Contribution> after = Contribution.of(fact.snapshot(), config.zone());
                        changes.addAll(Contribution.delta(before, after));
                        if (event.data() instanceof PetitionReturned returned) {
                            Contribution.handBack(previous, returned.unitCode(), config.zone()).ifPresent(changes::add);
                        }
                        unitName(event).ifPresent(unit -> unitNames.put(unit.getKey(), unit.getValue()));
                    }
                    return FactRows.UPSERT.execute(facts.values().stream().map(FactRows::values).toList())
                            .chain(() -> measures.add(changes))
                            .chain(() -> UNIT_LABELS.execute(unitNames.entrySet().stream()
                                    .map(unit -> List.<Object>of(unit.getKey(), unit.getValue())).toList()));
                }).replaceWith(Boolean.TRUE);
        return Uni.combine().all().unis(reading, written).asTuple().chain(both -> hotspots.observe(both.getItem1()));
    }

    /** A routing or a transfer names the unit: kept for league tables and reports. */
    private static Optional<Map.Entry<String, String>> unitName(ConsumedEvent event) {
        String code = null;
        String name = null;
        if (event.data() instanceof io.wenzheng.contracts.PetitionRouted routed) {
            code = routed.unitCode();
            name = routed.unitName();
        } else if (event.data() instanceof io.wenzheng.contracts.PetitionTransferred transferred) {
            code = transferred.toUnitCode();
            name = transferred.toUnitName();
        }
        return code == null || name == null || name.isBlank() ? Optional.empty() : Optional.of(Map.entry(code, name));
    }
}
