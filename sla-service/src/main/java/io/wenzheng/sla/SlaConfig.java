package io.wenzheng.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "wenzheng.sla")
public interface SlaConfig {
    /** How often the breach watch looks for expired timers: the worst-case lateness of a breach event. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Timers fired per transaction. */
    @WithDefault("100")
    int batchSize();
}
