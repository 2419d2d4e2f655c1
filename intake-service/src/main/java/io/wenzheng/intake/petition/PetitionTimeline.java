package io.wenzheng.intake.petition;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.TriageRequired;
import io.wenzheng.kit.KitConfig;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.wenzheng.kit.inbox.Refusal;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.intake.unitfeed.ClockBook;
import io.wenzheng.intake.unitfeed.UnitFeed;
import io.wenzheng.kit.sql.MultiRowStatement;
import io.wenzheng.kit.sql.Timestamptz;
import io.wenzheng.kit.sql.RowsById;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/** Follows what routing and SLA say about our petitions, so that one GET tells the whole story. */
@ApplicationScoped
public class PetitionTimeline {
    private final EventConsumer consumer;
    private final String self;
    private final UnitFeed feed;
    private final Outbox outbox;

    @Inject
    public PetitionTimeline(EventConsumer consumer, KitConfig kit, UnitFeed feed, Outbox outbox) {
        this.consumer = consumer;
        this.outbox = outbox;
        this.self = kit.service();
        this.feed = feed;
    }

    /** A poll batch of petition.lifecycle and petition.sla together. */
    @Incoming("petition-events-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, "intake-timeline", this::othersEvent, EventConsumer.withoutHibernate(this::apply));
    }

    /** Our own events entered the history when we wrote them. */
    private boolean othersEvent(io.wenzheng.kit.inbox.EventHead event) {
        return !self.equals(event.source());
    }

    /**
     * One batch: the petitions it names and their clocks, in one query each, then each event folded in the order
     * read, then the batch's history entries, petitions, clocks and unit-feed notices written in one statement each
     * (in a transaction on the pool, with plain columns: no entity is managed here). An event
     * about a petition this service never accepted is refused: another service's test data, or an event that
     * overtook its petition's import; it waits on the dead-letter topic to be replayed.
     */
    Uni<List<Refusal>> apply(List<ConsumedEvent> events) {
        List<String> ids = events.stream().map(ConsumedEvent::petitionId).distinct().sorted().toList();
        // Locked, in one order: the lifecycle and SLA channels update the same rows concurrently, a full-row update
        // would otherwise overwrite the other channel's change with stale values, and two batches must not deadlock.
        return RowsById.select("select " + COLUMNS + " from petition where id = any($1) order by id for update", ids,
                        PetitionTimeline::petition)
                .chain(rows -> ClockBook.load(ids).chain(clocks -> {
                    Map<String, PetitionRow> byId = new HashMap<>();
                    rows.forEach(row -> byId.put(row.id, row));
                    List<Refusal> refused = new ArrayList<>();
                    List<HistoryRow> history = new ArrayList<>();
                    Set<PetitionRow> folded = new LinkedHashSet<>();
                    Outbox.Appends feedEvents = outbox.appends();
                    UnitFeed.Batch notices = feed.batch(feedEvents);
                    for (ConsumedEvent event : events) {
                        PetitionRow row = byId.get(event.petitionId());
                        if (row == null) {
                            refused.add(new Refusal(event.id(), "event " + event.id() + " names unknown petition " + event.petitionId()));
                            continue;
                        }
                        event.makeCurrent(); // the feed events carry the trace of the event that caused them
                        String unitBefore = row.unitCode;
                        fold(row, event.type(), event.data());
                        folded.add(row);
                        history.add(HistoryRow.entry(event.id(), event.type().type(), event.source(), event.time(),
                                event.dataJson(), row.id));
                        clocks.follow(row.id, event.data());
                        notices.add(UnitFeed.deliveries(row, unitBefore, event.id(), event.data(), event.time(), clocks.of(row.id)));
                    }
                    return HistoryRow.insertAll(history)
                            .chain(() -> FOLDED.execute(folded.stream().map(PetitionTimeline::foldedValues).toList()))
                            .chain(clocks::write)
                            .chain(notices::queuePushes)
                            .chain(feedEvents::write)
                            .replaceWith(refused);
                }));
    }

    /** What the timeline reads of a petition: what it folds and what a unit's feed shows (never contact data). */
    private static final String COLUMNS = "id, tracking_code, channel, subject, body, address, latitude, longitude, status, category, "
            + "subcategory, district_code, unit_code, unit_name, supervising_units, attachments, first_response_due, time_basis, "
            + "overdue, received_at, updated_at, imported_at";

    /** A petition as plain columns, in a row object no session tracks. */
    private static PetitionRow petition(Object[] c) {
        PetitionRow row = new PetitionRow();
        row.id = (String) c[0];
        row.trackingCode = (String) c[1];
        row.channel = io.wenzheng.contracts.Channel.valueOf((String) c[2]);
        row.subject = (String) c[3];
        row.text = (String) c[4];
        row.address = (String) c[5];
        row.latitude = c[6] == null ? null : ((Number) c[6]).doubleValue();
        row.longitude = c[7] == null ? null : ((Number) c[7]).doubleValue();
        row.status = io.wenzheng.contracts.PetitionStatus.valueOf((String) c[8]);
        row.category = (String) c[9];
        row.subcategory = (String) c[10];
        row.districtCode = (String) c[11];
        row.unitCode = (String) c[12];
        row.unitName = (String) c[13];
        row.supervisingUnits = (String) c[14];
        row.attachments = (String) c[15];
        row.firstResponseDue = Timestamptz.instant(c[16]);
        row.timeBasis = c[17] == null ? null : io.wenzheng.contracts.TimeBasis.valueOf((String) c[17]);
        row.overdue = (Boolean) c[18];
        row.receivedAt = Timestamptz.instant(c[19]);
        row.updatedAt = Timestamptz.instant(c[20]);
        row.importedAt = Timestamptz.instant(c[21]);
        return row;
    }

    /** The columns {@link #fold} changes, written for the batch's petitions in one statement. */
    private static final MultiRowStatement FOLDED = new MultiRowStatement(
            "update petition as p set status = v.status, category = v.category, subcategory = v.subcategory, "
                    + "district_code = v.district_code, unit_code = v.unit_code, unit_name = v.unit_name, "
                    + "supervising_units = v.supervising_units, first_response_due = v.first_response_due, time_basis = v.time_basis, "
                    + "overdue = v.overdue, updated_at = v.updated_at from (values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, cast(? as timestamptz), ?, cast(? as boolean), cast(? as timestamptz))",
            ") as v(id, status, category, subcategory, district_code, unit_code, unit_name, supervising_units, first_response_due, "
                    + "time_basis, overdue, updated_at) where p.id = v.id");

    private static List<Object> foldedValues(PetitionRow row) {
        return java.util.Arrays.asList(row.id, row.status.name(), row.category, row.subcategory, row.districtCode, row.unitCode,
                row.unitName, row.supervisingUnits, row.firstResponseDue, row.timeBasis == null ? null : row.timeBasis.name(),
                row.overdue, row.updatedAt);
    }

    /** The petition after one event from routing or SLA. */
    private static void fold(PetitionRow row, io.wenzheng.contracts.EventType type, io.wenzheng.contracts.PetitionEvent data) {
        row.status = row.status.after(type);
        if (data instanceof PetitionRouted routed) {
            row.category = routed.category();
            row.subcategory = routed.subcategory();
            row.districtCode = routed.districtCode();
            row.unitCode = routed.unitCode();
            row.unitName = routed.unitName();
            row.supervisingUnits = io.wenzheng.kit.security.Sight.encode(routed.supervisingUnits());
        } else if (data instanceof io.wenzheng.contracts.PetitionTransferred transferred) {
            row.category = transferred.category() == null ? row.category : transferred.category();
            row.unitCode = transferred.toUnitCode();
            row.districtCode = transferred.toDistrictCode();
            row.unitName = transferred.toUnitName();
            row.supervisingUnits = io.wenzheng.kit.security.Sight.encode(transferred.toSupervisingUnits());
        } else if (data instanceof TriageRequired triaged) {
            row.category = triaged.suggestedCategory();
        } else if (data instanceof DeadlineSet deadline && deadline.pledge() == io.wenzheng.contracts.Pledge.FIRST_RESPONSE) {
            row.firstResponseDue = deadline.dueAt();
            row.timeBasis = deadline.timeBasis();
        } else if (data instanceof DeadlineBreached breached && breached.pledge() == io.wenzheng.contracts.Pledge.FIRST_RESPONSE) {
            row.overdue = true;
        }
        row.updatedAt = Instant.now();
    }
}
