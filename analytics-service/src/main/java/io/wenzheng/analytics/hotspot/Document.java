package io.wenzheng.analytics.hotspot;

import java.time.Instant;

/** A petition as the detector sees it: when it arrived, its bigram counts and the place it names. */
public record Document(String petitionId, Instant receivedAt, Bigrams features, String place) {
}
