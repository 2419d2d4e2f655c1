package io.wenzheng.analytics.stats;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/** The SLA board as Prometheus gauges, for the SLA dashboard and its alerts: open petitions due soon, breached, escalated. */
@ApplicationScoped
public class SlaGauges {
    private final OpenCases openCases;
    private final AtomicLong dueWithinHour = new AtomicLong();
    private final AtomicLong breached = new AtomicLong();
    private final AtomicLong escalated = new AtomicLong();

    @Inject
    public SlaGauges(OpenCases openCases, MeterRegistry registry) {
        this.openCases = openCases;
        registry.gauge("wenzheng.sla.open", java.util.List.of(io.micrometer.core.instrument.Tag.of("state", "due_within_hour")), dueWithinHour);
        registry.gauge("wenzheng.sla.open", java.util.List.of(io.micrometer.core.instrument.Tag.of("state", "breached")), breached);
        registry.gauge("wenzheng.sla.open", java.util.List.of(io.micrometer.core.instrument.Tag.of("state", "escalated")), escalated);
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return openCases.slaStatus(null, null).invoke(s -> {
            dueWithinHour.set(s.dueWithinHour());
            breached.set(s.breachedOpen());
            escalated.set(s.escalatedOpen());
        }).replaceWithVoid().onFailure().recoverWithNull();
    }
}
