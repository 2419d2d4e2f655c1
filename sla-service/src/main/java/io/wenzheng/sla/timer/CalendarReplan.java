package io.wenzheng.sla.timer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.sla.SlaConfig;
import io.wenzheng.sla.calendar.notice.CalendarBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Re-plans the open clocks whose due times rest on a provisional year, after the calendars changed. Each moved clock
 * gets a {@code deadline-set} event with the old and the new due time, on the SLA topic (so the petition's history
 * shows it) and on its unit's feed. Instances share the work with {@code FOR UPDATE SKIP LOCKED}; a clock that is
 * already right is left alone, so running it twice changes nothing.
 */
@ApplicationScoped
public class CalendarReplan {
    private final CalendarBook book;
    private final Outbox outbox;
    private final TimerPolicy policy;
    private final SlaConfig config;
    private final Clock clock;

    @Inject
    public CalendarReplan(CalendarBook book, Outbox outbox, TimerPolicy policy, SlaConfig config, Clock clock) {
        this.book = book;
        this.outbox = outbox;
        this.policy = policy;
        this.config = config;
        this.clock = clock;
    }

    /** Re-plans every provisional open clock; the result is how many moved or became official. */
    public Uni<Integer> replanAll() {
        return batchesFrom("", 0);
    }

    private Uni<Integer> batchesFrom(String afterId, int changedSoFar) {
        return batch(afterId).chain(result -> result.lastId() == null
                ? Uni.createFrom().item(changedSoFar + result.changed())
                : batchesFrom(result.lastId(), changedSoFar + result.changed()));
    }

    private record Batch(String lastId, int changed) {
    }

    private Uni<Batch> batch(String afterId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select * from deadline_timer where calendar = 'PROVISIONAL' and state in ('RUNNING', 'PAUSED') "
                        + "and id > :after order by id limit :n for update skip locked", DeadlineTimer.class)
                .setParameter("after", afterId)
                .setParameter("n", config.batchSize())
                .getResultList()
                .chain(timers -> replan(timers, now).map(changed -> new Batch(
                        timers.size() < config.batchSize() ? null : timers.get(timers.size() - 1).id, changed)))));
    }

    private Uni<Integer> replan(List<DeadlineTimer> timers, Instant now) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (DeadlineTimer timer : timers) {
            chain = chain.chain(changed -> replan(timer, now).map(moved -> changed + (moved ? 1 : 0)));
        }
        return chain;
    }

    private Uni<Boolean> replan(DeadlineTimer timer, Instant now) {
        PledgeClocks.Fired replanned = new PledgeClocks(book.rules(), policy).replan(timer.clock(), now);
        if (replanned == null) {
            return Uni.createFrom().item(false);
        }
        timer.take(replanned.clock());
        return outbox.append(replanned.event(), now).replaceWith(true);
    }
}
