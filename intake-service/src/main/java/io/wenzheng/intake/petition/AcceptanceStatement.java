package io.wenzheng.intake.petition;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wenzheng.intake.channel.ChannelOrigin;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.kit.sql.MultiRowStatement;
import io.wenzheng.kit.sql.Timestamptz;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an accepted petition in one statement, on its own atomic: the petition, its received event in the outbox,
 * the first history entry and, for a platform's message, the message that became it. Acceptance is the suite's hottest
 * write, and one round trip instead of a transaction's five is what a citizen's wait is made of.
 */
@ApplicationScoped
public class AcceptanceStatement {
    private static final String PETITION = "insert into petition (id, tracking_code, channel, subject, body, address, latitude, "
            + "longitude, citizen_ref, contact_sealed, status, received_at, updated_at, possible_duplicate_of, attachments) values "
            + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id";
    private static final int FIRST_OUTBOX_PARAMETER = 16;
    private static final String OUTBOX = "insert into outbox_event (" + Outbox.Prepared.COLUMNS + ") values "
            + MultiRowStatement.numbered(Outbox.Prepared.ROW, FIRST_OUTBOX_PARAMETER, "$");
    private static final int HISTORY_SOURCE = FIRST_OUTBOX_PARAMETER + Outbox.Prepared.PARAMETERS;
    private static final String HISTORY = "insert into petition_history (petition_id, event_id, event_type, source, occurred_at, data) "
            + "select id, $" + FIRST_OUTBOX_PARAMETER + ", $" + (FIRST_OUTBOX_PARAMETER + 1) + ", $" + HISTORY_SOURCE + ", $12, $"
            + (FIRST_OUTBOX_PARAMETER + 5) + " from accepted";
    private static final String MESSAGE = "insert into channel_message (channel, account, message_id, petition_id, tracking_code, "
            + "received_at) select $3, $" + (HISTORY_SOURCE + 1) + ", $" + (HISTORY_SOURCE + 2) + ", id, $2, $12 from accepted";

    private static final String WITHOUT_MESSAGE = "with accepted as (" + PETITION + "), received as (" + OUTBOX + ") " + HISTORY;
    private static final String WITH_MESSAGE = "with accepted as (" + PETITION + "), received as (" + OUTBOX + "), filed as ("
            + MESSAGE + ") " + HISTORY;

    @Inject
    Pool pool;

    /** Fails with the database's error when a key is taken: the tracking code, or the platform message filed before. */
    public Uni<Void> write(PetitionRow row, Outbox.Prepared received, String source, ChannelOrigin origin) {
        List<Object> values = new ArrayList<>(Arrays.asList(row.id, row.trackingCode, row.channel.name(), row.subject, row.text,
                row.address, row.latitude, row.longitude, row.citizenRef, row.contactSealed, row.status.name(), Timestamptz.of(row.receivedAt),
                Timestamptz.of(row.updatedAt), row.possibleDuplicateOf, row.attachments));
        values.addAll(received.parameters());
        values.add(source);
        boolean message = origin != null && origin.messageId() != null;
        if (message) {
            values.add(origin.account());
            values.add(origin.messageId());
        }
        return pool.preparedQuery(message ? WITH_MESSAGE : WITHOUT_MESSAGE).execute(Tuple.from(values)).replaceWithVoid();
    }
}
