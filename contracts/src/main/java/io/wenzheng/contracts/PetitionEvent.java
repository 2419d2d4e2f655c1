package io.wenzheng.contracts;

/** Every event payload is about exactly one petition; its id is the Kafka key and the CloudEvents subject. */
public sealed interface PetitionEvent
        permits PetitionReceived, PetitionRouted, TriageRequired, PetitionReturned, PetitionTransferred, PetitionResponded,
        PetitionProgressReported, PetitionAwaitingCitizen, CitizenReplied, PetitionResolved, PetitionRated, PetitionReopened,
        DeadlineSet, DeadlineWarning, DeadlineBreached, DeadlineEscalated, DeadlineMet, DeadlinePaused,
        PetitionAccepted, PetitionRejected, PetitionMerged, DeadlineChased {
    String petitionId();
}
