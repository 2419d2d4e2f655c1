package io.wenzheng.contracts;

import java.util.Arrays;
import java.util.Optional;

/** Every CloudEvents type of the suite, the topic it travels on and the record that carries its data. */
public enum EventType implements CatalogueEntry {
    PETITION_RECEIVED("wenzheng.petition.received.v1", Topics.LIFECYCLE, PetitionReceived.class),
    PETITION_ROUTED("wenzheng.petition.routed.v1", Topics.LIFECYCLE, PetitionRouted.class),
    PETITION_TRIAGE_REQUIRED("wenzheng.petition.triage-required.v1", Topics.LIFECYCLE, TriageRequired.class),
    PETITION_RETURNED("wenzheng.petition.returned.v1", Topics.LIFECYCLE, PetitionReturned.class),
    PETITION_TRANSFERRED("wenzheng.petition.transferred.v1", Topics.LIFECYCLE, PetitionTransferred.class),
    PETITION_ACCEPTED("wenzheng.petition.accepted.v1", Topics.LIFECYCLE, PetitionAccepted.class),
    PETITION_REJECTED("wenzheng.petition.rejected.v1", Topics.LIFECYCLE, PetitionRejected.class),
    PETITION_MERGED("wenzheng.petition.merged.v1", Topics.LIFECYCLE, PetitionMerged.class),
    PETITION_RESPONDED("wenzheng.petition.responded.v1", Topics.LIFECYCLE, PetitionResponded.class),
    PETITION_PROGRESS_REPORTED("wenzheng.petition.progress-reported.v1", Topics.LIFECYCLE, PetitionProgressReported.class),
    PETITION_AWAITING_CITIZEN("wenzheng.petition.awaiting-citizen.v1", Topics.LIFECYCLE, PetitionAwaitingCitizen.class),
    PETITION_CITIZEN_REPLIED("wenzheng.petition.citizen-replied.v1", Topics.LIFECYCLE, CitizenReplied.class),
    PETITION_RESOLVED("wenzheng.petition.resolved.v1", Topics.LIFECYCLE, PetitionResolved.class),
    PETITION_RATED("wenzheng.petition.rated.v1", Topics.LIFECYCLE, PetitionRated.class),
    PETITION_REOPENED("wenzheng.petition.reopened.v1", Topics.LIFECYCLE, PetitionReopened.class),
    SLA_DEADLINE_SET("wenzheng.sla.deadline-set.v1", Topics.SLA, DeadlineSet.class),
    SLA_WARNING("wenzheng.sla.warning.v1", Topics.SLA, DeadlineWarning.class),
    SLA_BREACHED("wenzheng.sla.breached.v1", Topics.SLA, DeadlineBreached.class),
    SLA_ESCALATED("wenzheng.sla.escalated.v1", Topics.SLA, DeadlineEscalated.class),
    SLA_CHASED("wenzheng.sla.chased.v1", Topics.SLA, DeadlineChased.class),
    SLA_MET("wenzheng.sla.met.v1", Topics.SLA, DeadlineMet.class),
    SLA_PAUSED("wenzheng.sla.paused.v1", Topics.SLA, DeadlinePaused.class);

    private final String type;
    private final String topic;
    private final Class<? extends PetitionEvent> payload;

    EventType(String type, String topic, Class<? extends PetitionEvent> payload) {
        this.type = type;
        this.topic = topic;
        this.payload = payload;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String topic() {
        return topic;
    }

    public Class<? extends PetitionEvent> payload() {
        return payload;
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(PetitionEvent event) {
        return Arrays.stream(values()).filter(t -> t.payload.isInstance(event)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + event.getClass()));
    }
}
