package io.wenzheng.sla.pledge;

import java.time.Duration;

/** The parts of the pledge a region or a category sets differently; null leaves a part as it was. */
public record PolicyChange(Duration workingTimeResponse, Duration restTimeResponse, Integer resolutionWorkingDays,
                           Integer progressWorkingDays, Boolean pauseWhileWaitingForCitizen) {
    public static final PolicyChange NONE = new PolicyChange(null, null, null, null, null);

    public PledgePolicy applyTo(PledgePolicy p) {
        return new PledgePolicy(
                workingTimeResponse == null ? p.workingTimeResponse() : workingTimeResponse,
                restTimeResponse == null ? p.restTimeResponse() : restTimeResponse,
                resolutionWorkingDays == null ? p.resolutionWorkingDays() : resolutionWorkingDays,
                progressWorkingDays == null ? p.progressWorkingDays() : progressWorkingDays,
                pauseWhileWaitingForCitizen == null ? p.pauseWhileWaitingForCitizen() : pauseWhileWaitingForCitizen);
    }
}
