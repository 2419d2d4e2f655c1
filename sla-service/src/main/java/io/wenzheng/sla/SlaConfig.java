package io.wenzheng.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "wenzheng.sla")
public interface SlaConfig {
    /** How often the timer watch looks for due actions: the worst-case lateness of an SLA event. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Timer actions fired per transaction. */
    @WithDefault("100")
    int batchSize();

    /** Share of the allowed time after which the unit is warned (催办). */
    @WithDefault("0.8")
    double warnShare();

    /** Delay after the due time of each escalation step: unit staff, unit head, supervision office. */
    @WithDefault("0s,1h,4h")
    List<Duration> escalationDelays();

    /** A breach that fires more than this after its due time is flagged late (the service was down). */
    @WithDefault("5s")
    Duration lateAfter();

    /** Working days to resolve (办结), unless the category says otherwise. */
    @WithDefault("5")
    int resolutionWorkingDays();

    /** Working days to resolve, per first-level category. */
    Map<String, Integer> resolutionWorkingDaysByCategory();
}
