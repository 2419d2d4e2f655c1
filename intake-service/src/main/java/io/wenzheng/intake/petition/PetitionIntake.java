package io.wenzheng.intake.petition;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.Location;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionStatus;
import io.wenzheng.intake.channel.ChannelOrigin;
import io.wenzheng.intake.citizen.ContactVault;
import io.wenzheng.kit.KitConfig;
import io.wenzheng.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Accepts petitions: the record, its first history entry and the received event are written together, with the other
 * petitions accepted at the same moment ({@link PetitionWriter}).
 */
@ApplicationScoped
public class PetitionIntake {
    /** The service's clock ({@code kit.time.ServiceClock}): the system clock, or a test profile's. */
    @jakarta.inject.Inject
    java.time.Clock clock;
    private final Outbox outbox;
    private final ContactVault vault;
    private final PetitionWriter petitions;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Inject
    public PetitionIntake(Outbox outbox, PetitionWriter petitions, ContactVault vault) {
        this.outbox = outbox;
        this.petitions = petitions;
        this.vault = vault;
    }

    public Uni<PetitionReceipt> submit(PetitionSubmission submission) {
        return submit(submission, null, null);
    }

    /**
     * Accepts a petition. One that arrived on a platform has its platform message recorded with it, in the same
     * transaction, so a retry of the message finds it ({@link io.wenzheng.intake.channel.ChannelMessage}); a category hint travels to routing.
     */
    public Uni<PetitionReceipt> submit(PetitionSubmission submission, ChannelOrigin origin, String categoryHint) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PetitionRow row = new PetitionRow();
        row.id = PetitionIds.newId(now);
        row.trackingCode = PetitionIds.newTrackingCode();
        row.channel = submission.channel();
        String subject = blankToNull(PlainText.clean(submission.subject()));
        String text = PlainText.clean(submission.text()).strip();
        row.subject = io.wenzheng.intake.citizen.PiiRedaction.redact(subject);
        row.text = io.wenzheng.intake.citizen.PiiRedaction.redact(text);
        boolean redacted = !row.text.equals(text) || !java.util.Objects.equals(row.subject, subject);
        if (submission.location() != null) {
            row.address = blankToNull(PlainText.clean(submission.location().address()));
            row.latitude = submission.location().latitude();
            row.longitude = submission.location().longitude();
        }
        var contact = submission.contact();
        String platformId = origin == null ? null : origin.citizenPlatformId();
        if ((contact != null && (contact.phone() != null || contact.name() != null)) || platformId != null || redacted) {
            var sealed = EventJson.mapper().createObjectNode();
            if (redacted) {
                sealed.put("originalSubject", subject).put("originalText", text);
            }
            if (contact != null) {
                sealed.put("name", PlainText.clean(contact.name())).put("phone", contact.phone());
            }
            if (platformId != null) {
                sealed.put("platformId", platformId);
            }
            row.contactSealed = vault.encrypt(sealed.toString());
            row.citizenRef = contact != null && contact.phone() != null ? vault.citizenRef(contact.phone())
                    : platformId != null ? vault.citizenRef(row.channel, platformId) : null;
        }
        row.attachments = submission.attachments().isEmpty() ? null : EventJson.mapper().valueToTree(submission.attachments()).toString();
        row.status = PetitionStatus.RECEIVED;
        row.receivedAt = now;
        row.updatedAt = now;
        PetitionReceived event = new PetitionReceived(row.id, row.trackingCode, row.channel, row.subject, row.text,
                row.address == null && row.latitude == null ? null : new Location(row.address, row.latitude, row.longitude),
                row.citizenRef, now, categoryHint, submission.attachments());
        var acceptance = new AcceptanceStatement.Acceptance(row, outbox.prepare(event, now), origin);
        return petitions.write(acceptance).map(ignored -> {
            PetitionReceipt earlier = acceptance.filedBefore().get();
            if (earlier != null) {
                return earlier; // the platform delivered this message again: the first delivery's petition answers
            }
            accepted(row.channel);
            return new PetitionReceipt(row.id, row.trackingCode, row.status, row.receivedAt);
        });
    }

    /** Per-channel intake rate, counted after the commit. */
    private void accepted(io.wenzheng.contracts.Channel channel) {
        io.micrometer.core.instrument.Metrics.counter("wenzheng.intake.petitions", "channel", channel.name()).increment();
    }

    /**
     * Like {@link #submit(PetitionSubmission, ChannelOrigin, String)}, but a message filed before returns its receipt.
     * Every channel files through here, so this is where intake admits work: a petition beyond the petitions being filed
     * and those waiting is refused at once ({@code BulkheadException}, answered 503 with Retry-After), rather than queued
     * until every caller's answer is later than its client waits. Without the bound, an overload of a quarter above
     * capacity made nearly every request time out (docs/performance.md). Sized by
     * {@code io.wenzheng.intake.petition.PetitionIntake/submitOnce/Bulkhead/value} and {@code .../waitingTaskQueue}.
     */
    @io.smallrye.faulttolerance.api.AsynchronousNonBlocking
    @org.eclipse.microprofile.faulttolerance.Bulkhead(value = 32, waitingTaskQueue = 96)
    public Uni<PetitionReceipt> submitOnce(PetitionSubmission submission, ChannelOrigin origin, String categoryHint) {
        if (origin == null || origin.messageId() == null) {
            return submit(submission, origin, categoryHint);
        }
        // Asked only when the write failed: the group's own look-up answers a message filed before, so this is for a
        // second delivery that raced the first into the same group and lost on the primary key.
        Uni<PetitionReceipt> earlier = pool.preparedQuery(FILED_BEFORE)
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(submission.channel().name(), origin.account(), origin.messageId()))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? PetitionReceipt.of(it.next()) : null;
                });
        return submit(submission, origin, categoryHint)
                // A second delivery racing the first loses on the primary key; the first one's receipt answers both.
                .onFailure().recoverWithUni(failure -> earlier.map(again -> {
                    if (again == null) {
                        throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                    }
                    return again;
                }));
    }

    private static final String FILED_BEFORE = "select p.id, p.tracking_code, p.status, p.received_at from channel_message m "
            + "join petition p on p.id = m.petition_id where m.channel = $1 and m.account = $2 and m.message_id = $3";

    public Uni<PetitionView> view(String id) {
        return Panache.withSession(() -> PetitionRow.<PetitionRow>findById(id).chain(row -> row == null
                ? Uni.createFrom().nullItem()
                : HistoryRow.of(id).chain(history -> io.wenzheng.intake.reply.ReplyDispatcher.undelivered(id)
                        .map(undelivered -> PetitionView.of(row, history, undelivered)))));
    }

    public static Uni<Void> record(String eventId, String type, String source, Instant at, String data, String petitionId) {
        return HistoryRow.entry(eventId, type, source, at, data, petitionId).persist().replaceWithVoid();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
