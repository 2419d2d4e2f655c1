package io.wenzheng.intake.petition;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wenzheng.intake.channel.ChannelOrigin;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.kit.sql.Timestamptz;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes accepted petitions in one statement, on its own atomic: each petition, its received event in the outbox, its
 * first history entry and, for a platform's message, the message that became it. Acceptance is the suite's hottest
 * write, and one round trip instead of a transaction's five is what a citizen's wait is made of.
 */
@ApplicationScoped
public class AcceptanceStatement {
    /**
     * Each column is bound as one array, so that one text serves any number of petitions: the connection's prepared
     * statement is parsed and planned once, not once per group size.
     */
    private static final String WRITE = "with accepted as (insert into petition (id, tracking_code, channel, subject, body, address, "
            + "latitude, longitude, citizen_ref, contact_sealed, status, received_at, updated_at, possible_duplicate_of, attachments) "
            + "select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[], $6::varchar[], "
            + "$7::float8[], $8::float8[], $9::varchar[], $10::text[], $11::varchar[], $12::timestamptz[], $13::timestamptz[], "
            + "$14::varchar[], $15::text[])), "
            + "received as (insert into outbox_event (" + Outbox.Prepared.COLUMNS + ") select *, 0 from unnest($16::varchar[], "
            + "$17::varchar[], $18::varchar[], $19::varchar[], $20::varchar[], $21::text[], $22::timestamptz[], $23::varchar[])), "
            + "filed as (insert into channel_message (channel, account, message_id, petition_id, tracking_code, received_at) "
            + "select * from unnest($24::varchar[], $25::varchar[], $26::varchar[], $27::varchar[], $28::varchar[], $29::timestamptz[])) "
            + "insert into petition_history (petition_id, event_id, event_type, source, occurred_at, data) "
            + "select * from unnest($30::varchar[], $16::varchar[], $17::varchar[], $31::varchar[], $12::timestamptz[], $21::text[])";

    /**
     * A petition ready to be written: its row, its received event, the platform message it came as, if any, and, once
     * its group has looked, the receipt of that message's earlier delivery (then nothing of it is written).
     */
    public record Acceptance(PetitionRow row, Outbox.Prepared received, ChannelOrigin origin,
                             java.util.concurrent.atomic.AtomicReference<PetitionReceipt> filedBefore) {
        public Acceptance(PetitionRow row, Outbox.Prepared received, ChannelOrigin origin) {
            this(row, received, origin, new java.util.concurrent.atomic.AtomicReference<>());
        }

        boolean message() {
            return origin != null && origin.messageId() != null;
        }
    }

    @Inject
    Pool pool;

    /**
     * Writes petitions accepted together, all or none: a key taken by any of them fails the whole group with the
     * database's error, and the caller then writes each on its own to learn whose it was.
     */
    public Uni<Void> write(List<Acceptance> group, String source) {
        int n = group.size();
        Object[][] petition = new Object[15][];
        petition[0] = new String[n];
        petition[1] = new String[n];
        petition[2] = new String[n];
        petition[3] = new String[n];
        petition[4] = new String[n];
        petition[5] = new String[n];
        petition[6] = new Double[n];
        petition[7] = new Double[n];
        petition[8] = new String[n];
        petition[9] = new String[n];
        petition[10] = new String[n];
        petition[11] = new java.time.OffsetDateTime[n];
        petition[12] = new java.time.OffsetDateTime[n];
        petition[13] = new String[n];
        petition[14] = new String[n];
        Object[][] outbox = new Object[Outbox.Prepared.PARAMETERS][];
        for (int c = 0; c < outbox.length; c++) {
            outbox[c] = c == 6 ? new java.time.OffsetDateTime[n] : new String[n];
        }
        String[] historyPetition = new String[n];
        String[] historySource = new String[n];
        int messages = (int) group.stream().filter(Acceptance::message).count();
        String[] messageChannel = new String[messages];
        String[] messageAccount = new String[messages];
        String[] messageId = new String[messages];
        String[] messagePetition = new String[messages];
        String[] messageTracking = new String[messages];
        java.time.OffsetDateTime[] messageAt = new java.time.OffsetDateTime[messages];
        int m = 0;
        for (int i = 0; i < n; i++) {
            Acceptance a = group.get(i);
            List<Object> values = petitionValues(a.row());
            for (int c = 0; c < petition.length; c++) {
                petition[c][i] = values.get(c);
            }
            List<Object> event = a.received().parameters();
            for (int c = 0; c < outbox.length; c++) {
                outbox[c][i] = event.get(c);
            }
            historyPetition[i] = a.row().id;
            historySource[i] = source;
            if (a.message()) {
                messageChannel[m] = a.row().channel.name();
                messageAccount[m] = a.origin().account();
                messageId[m] = a.origin().messageId();
                messagePetition[m] = a.row().id;
                messageTracking[m] = a.row().trackingCode;
                messageAt[m] = Timestamptz.of(a.row().receivedAt);
                m++;
            }
        }
        List<Object> parameters = new ArrayList<>(31);
        parameters.addAll(Arrays.asList((Object[]) petition));
        parameters.addAll(Arrays.asList((Object[]) outbox));
        parameters.addAll(List.of(messageChannel, messageAccount, messageId, messagePetition, messageTracking, messageAt));
        parameters.add(historyPetition);
        parameters.add(historySource);
        return pool.preparedQuery(WRITE).execute(Tuple.from(parameters)).replaceWithVoid();
    }

    private static List<Object> petitionValues(PetitionRow row) {
        return Arrays.asList(row.id, row.trackingCode, row.channel.name(), row.subject, row.text,
                row.address, row.latitude, row.longitude, row.citizenRef, row.contactSealed, row.status.name(), Timestamptz.of(row.receivedAt),
                Timestamptz.of(row.updatedAt), row.possibleDuplicateOf, row.attachments);
    }
}
