package io.wenzheng.intake.petition;

import io.wenzheng.contracts.PetitionStatus;
import java.time.Instant;

/** What the submitter gets back: the id for systems, the tracking code for people. */
public record PetitionReceipt(String id, String trackingCode, PetitionStatus status, Instant receivedAt) {
}
