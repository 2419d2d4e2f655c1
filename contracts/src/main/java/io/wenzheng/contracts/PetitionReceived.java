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
        String categoryHint,
        /** Pictures the citizen sent, as URLs; empty or null when none. */
        java.util.List<String> attachments,
        /** Set only on a petition taken over from an earlier system; null for every live one. */
        ImportedRecord imported) implements PetitionEvent {

    public PetitionReceived {
        attachments = attachments == null ? java.util.List.of() : java.util.List.copyOf(attachments);
    }

    /** A live petition. */
    public PetitionReceived(String petitionId, String trackingCode, Channel channel, String subject, String text, Location location,
                            String citizenRef, Instant receivedAt, String categoryHint, java.util.List<String> attachments) {
        this(petitionId, trackingCode, channel, subject, text, location, citizenRef, receivedAt, categoryHint, attachments, null);
    }

    /** A petition without attachments. */
    public PetitionReceived(String petitionId, String trackingCode, Channel channel, String subject, String text, Location location,
                            String citizenRef, Instant receivedAt, String categoryHint) {
        this(petitionId, trackingCode, channel, subject, text, location, citizenRef, receivedAt, categoryHint, java.util.List.of(), null);
    }
}
