package io.wenzheng.analytics.fact;

import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.PetitionStatus;
import java.time.Instant;

/** The part of a petition's fact that counts towards the measures, frozen before and after an event. */
public record FactSnapshot(
        Channel channel,
        String category,
        String unitCode,
        String districtCode,
        PetitionStatus status,
        Instant receivedAt,
        SlaState slaState,
        Instant firstRespondedAt,
        Instant resolvedAt,
        int handBacks,
        int reopens,
        Integer rating,
        int escalationLevel) {
}
