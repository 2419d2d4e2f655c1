package io.wenzheng.sla.timer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.wenzheng.kit.CommitListener;
import io.wenzheng.kit.PollingLoop;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.kit.sql.Timestamptz;
import io.wenzheng.kit.sql.TransactionConnection;
import io.wenzheng.sla.SlaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Fires due timer actions: warnings, breaches and escalation steps. Each round locks due timers with
 * {@code FOR UPDATE SKIP LOCKED}, applies one step to each and writes its event in the same transaction, so several
 * sla-service instances never fire one action twice, and a restart fires at once what came due while it was down.
 * Between rounds the watch sleeps until the next action is due. A commit that writes timers, on any instance, wakes it
 * (a trigger raises {@code NOTIFY wenzheng_timers}), so a timer due sooner than the one it waits for is seen at once; it
 * still looks every listening interval, and every poll interval while it cannot hear commits.
 */
@ApplicationScoped
public class TimerWatch {
    private static final Duration LOCKED_ELSEWHERE_PAUSE = Duration.ofMillis(20);

    private final Outbox outbox;
    private final SlaConfig config;
    private final TimerPolicy policy;
    private final MeterRegistry registry;
    private final java.time.Clock clock;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;
    private PollingLoop<Round> loop;
    private Optional<CommitListener> listener = Optional.empty();

    /** What a round did, and when the earliest remaining action is due (null: none). */
    public record Round(int fired, Instant nextDue) {
    }

    @Inject
    public TimerWatch(Outbox outbox, SlaConfig config, TimerPolicy policy, MeterRegistry registry, java.time.Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.config = config;
        this.policy = policy;
        this.registry = registry;
        // Registered up front, so dashboards and alerts see zeros rather than nothing before the first firing.
        for (Class<?> action : TimerPolicy.Step.class.getPermittedSubclasses()) {
            registry.counter("wenzheng.sla.fired", "action", action.getSimpleName().toLowerCase());
        }
        registry.timer("wenzheng.sla.firing.lateness");
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        loop = new PollingLoop<>(vertx, "timer watch", this::fireDue, this::sleepAfter, Duration.ofSeconds(2));
        listener = CommitListener.start(vertx, "wenzheng_timers", loop, config.wakeGap());
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop();
        }
        listener.ifPresent(CommitListener::close);
    }

    /** Whether commits that write timers wake the watch, rather than its polls alone. */
    public boolean hearsCommits() {
        return listener.map(CommitListener::listening).orElse(false);
    }

    Duration sleepAfter(Round round) {
        if (round.fired() >= config.batchSize()) {
            return Duration.ZERO;
        }
        Duration longest = hearsCommits() ? config.listeningInterval() : config.pollInterval();
        if (round.nextDue() == null) {
            return longest;
        }
        Duration untilDue = Duration.between(clock.instant(), round.nextDue());
        if (untilDue.isNegative() || untilDue.isZero()) {
            // Due but not ours: another instance holds it. Give its transaction a moment rather than spin.
            return round.fired() > 0 ? Duration.ZERO : LOCKED_ELSEWHERE_PAUSE;
        }
        return untilDue.compareTo(longest) < 0 ? untilDue : longest;
    }

    /** One round, in a transaction on the pool: the due clocks as plain columns, decided, written back in one upsert. */
    public Uni<Round> fireDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return TransactionConnection.inTransaction(pool, () -> TimerRows.due(now, config.batchSize())
                .chain(due -> fire(due, now))
                .chain(fired -> TransactionConnection.select(NEXT_DUE)
                        .map(rows -> new Round(fired, rows.isEmpty() ? null : Timestamptz.instant(rows.get(0)[0])))));
    }

    private static final String NEXT_DUE = "select min(next_fire_at) from deadline_timer where next_fire_at is not null";

    /** Each due clock's next step, decided in turn; the round's clocks and its events go out in one statement each. */
    private Uni<Integer> fire(List<PledgeClock> due, Instant now) {
        Outbox.Appends events = outbox.appends();
        List<PledgeClock> after = new java.util.ArrayList<>(due.size());
        for (PledgeClock clock : due) {
            after.add(step(clock, now, events));
        }
        return TimerRows.upsert(after).chain(events::write).replaceWith(due.size());
    }

    private PledgeClock step(PledgeClock clock, Instant now, Outbox.Appends events) {
        PledgeClocks.Fired fired = PledgeClocks.fire(policy, clock, now, config.lateAfter());
        if (fired.event() != null) {
            registry.timer("wenzheng.sla.firing.lateness").record(Duration.between(fired.step().at(), now));
            registry.counter("wenzheng.sla.fired", "action", fired.step().getClass().getSimpleName().toLowerCase()).increment();
            events.add(fired.event(), now);
        }
        return fired.clock();
    }
}
