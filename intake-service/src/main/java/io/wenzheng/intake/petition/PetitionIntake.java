package io.wenzheng.intake.petition;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.Location;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionStatus;
import io.wenzheng.intake.citizen.ContactVault;
import io.wenzheng.kit.KitConfig;
import io.wenzheng.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Accepts petitions: the record, its first history entry and the received event commit together. */
@ApplicationScoped
public class PetitionIntake {
    private final Outbox outbox;
    private final ContactVault vault;
    private final String source;

    @Inject
    public PetitionIntake(Outbox outbox, ContactVault vault, KitConfig kit) {
        this.outbox = outbox;
        this.vault = vault;
        this.source = kit.service();
    }

    public Uni<PetitionReceipt> submit(PetitionSubmission submission) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PetitionRow row = new PetitionRow();
        row.id = PetitionIds.newId(now);
        row.trackingCode = PetitionIds.newTrackingCode();
        row.channel = submission.channel();
        row.subject = blankToNull(submission.subject());
        row.text = submission.text().strip();
        if (submission.location() != null) {
            row.address = blankToNull(submission.location().address());
            row.latitude = submission.location().latitude();
            row.longitude = submission.location().longitude();
        }
        var contact = submission.contact();
        if (contact != null && (contact.phone() != null || contact.name() != null)) {
            row.contactSealed = vault.encrypt(EventJson.mapper().valueToTree(contact).toString());
            row.citizenRef = contact.phone() == null ? null : vault.citizenRef(contact.phone());
        }
        row.status = PetitionStatus.RECEIVED;
        row.receivedAt = now;
        row.updatedAt = now;
        PetitionReceived event = new PetitionReceived(row.id, row.trackingCode, row.channel, row.subject, row.text,
                row.address == null && row.latitude == null ? null : new Location(row.address, row.latitude, row.longitude),
                row.citizenRef, now);
        return Panache.withTransaction(() -> row.<PetitionRow>persist()
                .chain(() -> outbox.append(event, now))
                .chain(stored -> record(stored.eventId(), stored.type().type(), source, now, EventJson.write(event), row.id)))
                .replaceWith(() -> new PetitionReceipt(row.id, row.trackingCode, row.status, row.receivedAt));
    }

    public Uni<PetitionView> view(String id) {
        return Panache.withSession(() -> PetitionRow.<PetitionRow>findById(id).chain(row -> row == null
                ? Uni.createFrom().nullItem()
                : HistoryRow.of(id).map(history -> PetitionView.of(row, history))));
    }

    public static Uni<Void> record(String eventId, String type, String source, Instant at, String data, String petitionId) {
        HistoryRow h = new HistoryRow();
        h.petitionId = petitionId;
        h.eventId = eventId;
        h.eventType = type;
        h.source = source;
        h.occurredAt = at;
        h.data = data;
        return h.persist().replaceWithVoid();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
