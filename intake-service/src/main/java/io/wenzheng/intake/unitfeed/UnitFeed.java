package io.wenzheng.intake.unitfeed;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.CaseUpdate;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.UnitFeedEvent;
import io.wenzheng.intake.petition.PetitionRow;
import io.wenzheng.intake.unitfeed.webhook.WebhookEndpoint;
import io.wenzheng.intake.unitfeed.webhook.WebhookPushes;
import io.wenzheng.kit.KitConfig;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.kit.security.Sight;
import io.wenzheng.kit.sql.RowsById;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Tells units' own systems what happened to their petitions, in the transaction of the change: the feed update
 * commits with the history entry and leaves through the outbox like every other event.
 */
@ApplicationScoped
public class UnitFeed {
    private final Outbox outbox;
    private final String source;

    @Inject
    public UnitFeed(Outbox outbox, KitConfig kit) {
        this.outbox = outbox;
        this.source = kit.service();
    }

    /**
     * Puts one event on a unit's feed: the Kafka topic through the outbox and, when the unit registered a webhook,
     * a push to it with the same CloudEvents id, both in the caller's transaction.
     */
    public Uni<Void> publish(UnitFeedEvent event, String unitCode, Instant at) {
        return outbox.append(event, unitCode, at).chain(eventId -> WebhookEndpoint.<WebhookEndpoint>findById(unitCode)
                .chain(endpoint -> endpoint == null ? Uni.createFrom().voidItem()
                        : WebhookPushes.enqueue(unitCode, eventId, source, event, at)));
    }

    /** One update for one unit's feed, not yet written. */
    public record Delivery(UnitFeedEvent update, String unitCode, Instant at) {
    }

    /**
     * Tells the units concerned about one event, in the caller's transaction.
     *
     * @param row        the petition after the event
     * @param unitBefore the unit that held it before
     */
    public Uni<Void> tell(PetitionRow row, String unitBefore, String eventId, PetitionEvent event, Instant at) {
        if (importedHistory(row, at) || CaseNotices.of(unitBefore, row.unitCode, event).isEmpty()) {
            return Uni.createFrom().voidItem(); // nothing to tell: no need to read the clocks
        }
        return ClockRow.of(row.id).chain(clocks -> {
            Uni<Void> written = Uni.createFrom().voidItem();
            for (Delivery d : deliveries(row, unitBefore, eventId, event, at, clocks)) {
                written = written.chain(() -> publish(d.update(), d.unitCode(), d.at()));
            }
            return written;
        });
    }

    /**
     * What one event puts on units' feeds, given the petition and its clocks after it: nothing for an imported
     * petition's history, which is not news to its unit.
     */
    public static List<Delivery> deliveries(PetitionRow row, String unitBefore, String eventId, PetitionEvent event, Instant at,
                                            List<CaseUpdate.Clock> clocks) {
        if (importedHistory(row, at)) {
            return List.of();
        }
        List<CaseNotices.Notice> notices = CaseNotices.of(unitBefore, row.unitCode, event);
        if (notices.isEmpty()) {
            return List.of();
        }
        String type = CaseNotices.type(event);
        CaseUpdate.CaseFile file = file(row, clocks);
        return notices.stream().map(n -> new Delivery(n.update(row.id, type, eventId, at, file), n.unitCode(), at)).toList();
    }

    private static boolean importedHistory(PetitionRow row, Instant at) {
        return row.importedAt != null && at != null && at.isBefore(row.importedAt);
    }

    /** Starts a batch's feed: its events join the batch's outbox statement. */
    public Batch batch(Outbox.Appends appends) {
        return new Batch(appends);
    }

    /**
     * A batch's feed events, added to the batch's outbox statement as they are decided (each carries the trace
     * current when it is added); the pushes for units with a webhook are queued at the end, after one query.
     */
    public final class Batch {
        private final Outbox.Appends appends;
        private final List<Delivery> deliveries = new java.util.ArrayList<>();
        private final List<String> eventIds = new java.util.ArrayList<>();

        private Batch(Outbox.Appends appends) {
            this.appends = appends;
        }

        public void add(List<Delivery> more) {
            for (Delivery d : more) {
                eventIds.add(appends.add(d.update(), d.unitCode(), d.at()));
                deliveries.add(d);
            }
        }

        /** Queues the webhook pushes, in the caller's transaction. */
        public Uni<Void> queuePushes() {
            if (deliveries.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<String> units = deliveries.stream().map(Delivery::unitCode).distinct().toList();
            return RowsById.select("select unit_code from webhook_endpoint where unit_code = any($1)", units, row -> (String) row[0])
                    .chain(found -> {
                        java.util.Set<String> hooked = java.util.Set.copyOf(found);
                        List<List<Object>> pushes = new java.util.ArrayList<>();
                        for (int i = 0; i < deliveries.size(); i++) {
                            Delivery d = deliveries.get(i);
                            if (hooked.contains(d.unitCode())) {
                                pushes.add(WebhookPushes.queued(d.unitCode(), eventIds.get(i), source, d.update(), d.at()));
                            }
                        }
                        return WebhookPushes.enqueueAll(pushes);
                    });
        }
    }

    /** The petition as a unit may see it: redacted text, never contact data. */
    static CaseUpdate.CaseFile file(PetitionRow row, List<CaseUpdate.Clock> clocks) {
        CaseUpdate.Place place = row.address == null && row.latitude == null && row.districtCode == null ? null
                : new CaseUpdate.Place(row.address, row.latitude, row.longitude, row.districtCode);
        return new CaseUpdate.CaseFile(row.trackingCode, row.channel, row.subject, row.text, row.receivedAt, row.status,
                row.category, row.subcategory, place, row.unitCode, row.unitName, Sight.decode(row.supervisingUnits),
                row.attachmentList(), clocks);
    }
}
