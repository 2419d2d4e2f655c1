package io.wenzheng.sla.pledge;

import java.time.Duration;

/**
 * The figures of the public pledge for one kind of petition.
 *
 * @param workingTimeResponse first response due this long after a petition received in working time (1 h)
 * @param restTimeResponse first response due this long after a petition received in rest time (8 h)
 * @param resolutionWorkingDays 办结 by the end of office hours of this many working days after the day of receipt
 * @param progressWorkingDays after the first response, a progress update at least every this many working days
 * @param pauseWhileWaitingForCitizen whether waiting for the citizen stops the resolution and progress clocks
 */
public record PledgePolicy(Duration workingTimeResponse, Duration restTimeResponse, int resolutionWorkingDays,
                           int progressWorkingDays, boolean pauseWhileWaitingForCitizen) {
    public static final PledgePolicy DEFAULT = new PledgePolicy(Duration.ofHours(1), Duration.ofHours(8), 5, 3, true);

    public PledgePolicy {
        if (workingTimeResponse.isNegative() || workingTimeResponse.isZero() || restTimeResponse.isNegative() || restTimeResponse.isZero()) {
            throw new IllegalArgumentException("response limits must be positive");
        }
        if (resolutionWorkingDays < 1 || progressWorkingDays < 1) {
            throw new IllegalArgumentException("resolution and progress need at least one working day");
        }
    }
}
