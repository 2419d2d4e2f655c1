package io.wenzheng.intake.petition;

import io.wenzheng.contracts.PetitionStatus;
import java.time.Instant;

/** What the submitter gets back: the id for systems, the tracking code for people. */
public record PetitionReceipt(String id, String trackingCode, PetitionStatus status, Instant receivedAt) {
    /** From a row of a petition query with the columns id, tracking_code, status and received_at. */
    static PetitionReceipt of(io.vertx.mutiny.sqlclient.Row row) {
        return new PetitionReceipt(row.getString("id"), row.getString("tracking_code"), PetitionStatus.valueOf(row.getString("status")),
                row.getOffsetDateTime("received_at").toInstant());
    }
}
