package io.wenzheng.contracts;

import java.time.Instant;

/**
 * A petition was accepted by intake. Carries no PII: {@code citizenRef} is an opaque reference
 * that only intake can resolve.
 */
public record PetitionReceived(
        String petitionId,
        String trackingCode,
        Channel channel,
        String subject,
        String text,
        Location location,
        String citizenRef,
        Instant receivedAt,
        /** A first-level category named by whoever took the petition (a hotline operator); null when none was. */
        String categoryHint) implements PetitionEvent {
}
