package io.wenzheng.sla.timer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.kit.PollingLoop;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.sla.SlaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Fires expired timers. Each round locks due timers with {@code FOR UPDATE SKIP LOCKED}, marks them breached and
 * writes the breach event in the same transaction, so several instances never fire one deadline twice.
 */
@ApplicationScoped
public class BreachWatch {
    private final Outbox outbox;
    private final SlaConfig config;
    private final Counter breaches;
    private PollingLoop<Integer> loop;

    @Inject
    public BreachWatch(Outbox outbox, SlaConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.config = config;
        this.breaches = registry.counter("wenzheng.sla.breaches");
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        loop = new PollingLoop<>(vertx, "breach watch", this::fireDue,
                fired -> fired >= config.batchSize() ? Duration.ZERO : config.pollInterval(), Duration.ofSeconds(2));
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop();
        }
    }

    public Uni<Integer> fireDue() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select * from deadline_timer where state = 'RUNNING' and due_at <= :now "
                        + "order by due_at limit :n for update skip locked", DeadlineTimer.class)
                .setParameter("now", now)
                .setParameter("n", config.batchSize())
                .getResultList()
                .chain(due -> breach(due, now))));
    }

    private Uni<Integer> breach(List<DeadlineTimer> due, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DeadlineTimer timer : due) {
            timer.state = TimerState.BREACHED;
            timer.settledAt = now;
            chain = chain.chain(() -> outbox.append(
                    new DeadlineBreached(timer.petitionId, timer.pledge, timer.unitCode, timer.dueAt, now), now)).replaceWithVoid();
        }
        return chain.invoke(() -> breaches.increment(due.size())).replaceWith(due.size());
    }
}
