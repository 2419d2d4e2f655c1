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

    /**
     * @param row        the petition after the event
     * @param unitBefore the unit that held it before
     */
    public Uni<Void> tell(PetitionRow row, String unitBefore, String eventId, PetitionEvent event, Instant at) {
        if (row.importedAt != null && at != null && at.isBefore(row.importedAt)) {
            return Uni.createFrom().voidItem(); // an imported petition's history is not news to its unit
        }
        List<CaseNotices.Notice> notices = CaseNotices.of(unitBefore, row.unitCode, event);
        if (notices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String type = CaseNotices.type(event);
        return ClockRow.of(row.id).chain(clocks -> {
            CaseUpdate.CaseFile file = file(row, clocks);
            Uni<Void> written = Uni.createFrom().voidItem();
            for (CaseNotices.Notice notice : notices) {
                written = written.chain(() -> publish(notice.update(row.id, type, eventId, at, file), notice.unitCode(), at));
            }
            return written;
        });
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
