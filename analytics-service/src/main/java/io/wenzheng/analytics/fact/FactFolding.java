package io.wenzheng.analytics.fact;

import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineEscalated;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.PetitionRated;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionReopened;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionReturned;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.PetitionStatus;
import io.wenzheng.contracts.PetitionTransferred;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TriageRequired;

/**
 * Folds one event into a petition's fact row. Events of one petition arrive in order per topic but not across
 * topics, so each field is written from one topic only (unit, category and times from the lifecycle, the
 * first-response outcome from the SLA topic) and the status never moves backwards: the result is the same whatever
 * the interleaving.
 */
public final class FactFolding {
    private FactFolding() {
    }

    public static void fold(PetitionFact fact, EventType type, PetitionEvent event) {
        fact.status = fact.status == null ? PetitionStatus.RECEIVED.after(type) : fact.status.after(type);
        if (event instanceof PetitionReceived received) {
            fact.channel = received.channel();
            fact.receivedAt = received.receivedAt();
            fact.trackingCode = received.trackingCode();
            fact.title = title(received.subject(), received.text());
        } else if (event instanceof PetitionRouted routed) {
            fact.category = routed.category();
            fact.unitCode = routed.unitCode();
            fact.unitName = routed.unitName();
            fact.districtCode = routed.districtCode();
        } else if (event instanceof PetitionTransferred transferred) {
            fact.unitCode = transferred.toUnitCode();
            fact.unitName = transferred.toUnitName();
            fact.districtCode = transferred.toDistrictCode();
        } else if (event instanceof TriageRequired triaged) {
            if (fact.category == null) {
                fact.category = triaged.suggestedCategory();
            }
        } else if (event instanceof PetitionReturned) {
            fact.handBacks++;
        } else if (event instanceof PetitionResponded responded) {
            if (fact.firstRespondedAt == null) {
                fact.firstRespondedAt = responded.respondedAt();
            }
        } else if (event instanceof PetitionResolved resolved) {
            fact.resolvedAt = resolved.resolvedAt();
        } else if (event instanceof PetitionRated rated) {
            fact.rating = rated.rating();
        } else if (event instanceof PetitionReopened) {
            fact.reopens++;
        } else if (event instanceof DeadlineSet set && set.pledge() == Pledge.FIRST_RESPONSE) {
            fact.firstResponseDue = set.dueAt();
            if (fact.slaState == null) {
                fact.slaState = SlaState.RUNNING;
            }
        } else if (event instanceof DeadlineMet met && met.pledge() == Pledge.FIRST_RESPONSE) {
            // A late answer meets the clock in sla's eyes, but the pledge was broken: a breach stays a breach.
            if (fact.slaState != SlaState.BREACHED) {
                fact.slaState = SlaState.MET;
            }
        } else if (event instanceof DeadlineBreached breached && breached.pledge() == Pledge.FIRST_RESPONSE) {
            fact.slaState = SlaState.BREACHED;
        } else if (event instanceof DeadlineEscalated escalated) {
            fact.escalationLevel = Math.max(fact.escalationLevel, escalated.level());
        }
    }

    private static final int TITLE_LENGTH = 24;

    /** What a list shows for a petition: its subject, or the opening of its text, cut at a word people can read. */
    public static String title(String subject, String text) {
        String source = subject != null && !subject.isBlank() ? subject : text;
        if (source == null || source.isBlank()) {
            return null;
        }
        String line = source.strip().replaceAll("\\s+", " ");
        return line.codePointCount(0, line.length()) <= TITLE_LENGTH ? line
                : line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH)) + "…";
    }
}
