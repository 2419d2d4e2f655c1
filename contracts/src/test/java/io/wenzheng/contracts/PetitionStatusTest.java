package io.wenzheng.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PetitionStatusTest {

    @Test
    void eventsMoveTheStatusForward() {
        assertThat(PetitionStatus.RECEIVED.after(EventType.PETITION_ROUTED)).isEqualTo(PetitionStatus.ROUTED);
        assertThat(PetitionStatus.RECEIVED.after(EventType.PETITION_TRIAGE_REQUIRED)).isEqualTo(PetitionStatus.TRIAGE);
        assertThat(PetitionStatus.TRIAGE.after(EventType.PETITION_ROUTED)).isEqualTo(PetitionStatus.ROUTED);
        assertThat(PetitionStatus.ROUTED.after(EventType.PETITION_RESPONDED)).isEqualTo(PetitionStatus.RESPONDED);
    }

    @Test
    void aLateEventNeverMovesTheStatusBack() {
        assertThat(PetitionStatus.RESPONDED.after(EventType.PETITION_ROUTED)).isEqualTo(PetitionStatus.RESPONDED);
        assertThat(PetitionStatus.ROUTED.after(EventType.PETITION_RECEIVED)).isEqualTo(PetitionStatus.ROUTED);
    }

    @Test
    void aPetitionCanBounceBetweenUnitsUntilOneResponds() {
        assertThat(PetitionStatus.ROUTED.after(EventType.PETITION_RETURNED)).isEqualTo(PetitionStatus.RETURNED);
        assertThat(PetitionStatus.RETURNED.after(EventType.PETITION_ROUTED)).isEqualTo(PetitionStatus.ROUTED);
        assertThat(PetitionStatus.RETURNED.after(EventType.PETITION_TRIAGE_REQUIRED)).isEqualTo(PetitionStatus.TRIAGE);
        assertThat(PetitionStatus.ROUTED.after(EventType.PETITION_TRANSFERRED)).isEqualTo(PetitionStatus.TRANSFERRED);
        assertThat(PetitionStatus.ROUTED.after(EventType.PETITION_RECEIVED)).as("a redelivered receipt").isEqualTo(PetitionStatus.ROUTED);
        assertThat(PetitionStatus.RESPONDED.after(EventType.PETITION_RETURNED)).isEqualTo(PetitionStatus.RESPONDED);
    }

    @Test
    void slaEventsLeaveTheStatusAlone() {
        assertThat(PetitionStatus.ROUTED.after(EventType.SLA_BREACHED)).isEqualTo(PetitionStatus.ROUTED);
        assertThat(PetitionStatus.RECEIVED.after(EventType.SLA_DEADLINE_SET)).isEqualTo(PetitionStatus.RECEIVED);
    }

    @Test
    void waitingForTheCitizenEndsOnlyWithTheCitizensAnswer() {
        assertThat(PetitionStatus.RESPONDED.after(EventType.PETITION_PROGRESS_REPORTED)).isEqualTo(PetitionStatus.IN_PROGRESS);
        assertThat(PetitionStatus.IN_PROGRESS.after(EventType.PETITION_AWAITING_CITIZEN)).isEqualTo(PetitionStatus.AWAITING_CITIZEN);
        assertThat(PetitionStatus.AWAITING_CITIZEN.after(EventType.PETITION_PROGRESS_REPORTED)).isEqualTo(PetitionStatus.AWAITING_CITIZEN);
        assertThat(PetitionStatus.AWAITING_CITIZEN.after(EventType.PETITION_CITIZEN_REPLIED)).isEqualTo(PetitionStatus.IN_PROGRESS);
        assertThat(PetitionStatus.AWAITING_CITIZEN.after(EventType.PETITION_RESOLVED)).isEqualTo(PetitionStatus.RESOLVED);
        assertThat(PetitionStatus.RESOLVED.after(EventType.PETITION_CITIZEN_REPLIED)).as("a late answer").isEqualTo(PetitionStatus.RESOLVED);
    }

    @Test
    void aRatingClosesAndAnUnsatisfiedCitizenReopens() {
        assertThat(PetitionStatus.RESOLVED.after(EventType.PETITION_RATED)).isEqualTo(PetitionStatus.CLOSED);
        assertThat(PetitionStatus.CLOSED.after(EventType.PETITION_REOPENED)).isEqualTo(PetitionStatus.IN_PROGRESS);
        assertThat(PetitionStatus.RESOLVED.after(EventType.PETITION_REOPENED)).isEqualTo(PetitionStatus.IN_PROGRESS);
        assertThat(PetitionStatus.ROUTED.after(EventType.PETITION_REOPENED)).as("nothing to reopen yet").isEqualTo(PetitionStatus.ROUTED);
        assertThat(PetitionStatus.IN_PROGRESS.after(EventType.PETITION_RESOLVED)).isEqualTo(PetitionStatus.RESOLVED);
    }
}
