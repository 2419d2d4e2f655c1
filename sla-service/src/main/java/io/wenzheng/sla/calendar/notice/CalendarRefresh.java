package io.wenzheng.sla.calendar.notice;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.wenzheng.sla.SlaConfig;
import io.wenzheng.sla.calendar.WorkCalendar;
import io.wenzheng.sla.timer.CalendarReplan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Every {@code wenzheng.sla.calendar-refresh}: applies notices other instances accepted, re-plans the provisional
 * clocks when they changed, and exports how much rests on provisional years, for the alert that asks for the notice.
 * Provisional deadlines are still deadlines, so none of this touches readiness.
 */
// Eager, so the gauges exist from the first scrape.
@io.quarkus.runtime.Startup
@ApplicationScoped
public class CalendarRefresh {
    private static final Logger LOG = Logger.getLogger(CalendarRefresh.class);

    private final CalendarBook book;
    private final CalendarReplan replan;
    private final SlaConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicLong provisionalOpenClocks = new AtomicLong();
    private final Map<String, AtomicLong> provisionalDaysAhead = new ConcurrentHashMap<>();
    private volatile boolean replannedSinceStart;

    @Inject
    public CalendarRefresh(CalendarBook book, CalendarReplan replan, SlaConfig config, Clock clock, MeterRegistry registry) {
        this.book = book;
        this.replan = replan;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        registry.gauge("wenzheng.sla.calendar.provisional.open.clocks", provisionalOpenClocks);
        book.rules().regions().names().forEach(this::daysAheadGauge);
    }

    private AtomicLong daysAheadGauge(String region) {
        return provisionalDaysAhead.computeIfAbsent(region, r -> registry.gauge("wenzheng.sla.calendar.provisional.days.ahead",
                List.of(Tag.of("region", r)), new AtomicLong()));
    }

    @Scheduled(every = "${wenzheng.sla.calendar-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return refresh().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("calendar refresh failed, trying again next round: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Applies new notices and re-plans; the result is how many clocks moved (0 when nothing changed). */
    public Uni<Integer> refresh() {
        return refresh(false);
    }

    /** After a load on this instance: re-plans even when a scheduled round applied the notice a moment before. */
    public Uni<Integer> refreshAndReplan() {
        return refresh(true);
    }

    private Uni<Integer> refresh(boolean replanAnyway) {
        return book.refresh().chain(changed -> {
            if (!changed && replannedSinceStart && !replanAnyway) {
                return Uni.createFrom().item(0);
            }
            return replan.replanAll().invoke(moved -> {
                replannedSinceStart = true;
                if (moved > 0) {
                    LOG.infof("holiday notices changed: re-planned %d provisional clocks", moved);
                }
            });
        }).call(this::measure);
    }

    private Uni<Void> measure() {
        for (String region : book.rules().regions().names()) {
            WorkCalendar calendar = book.rules().regions().calendar(region);
            LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
            LocalDate until = today.plusDays(config.provisionalHorizonDays());
            long days = 0;
            for (int year : calendar.provisionalYearsBetween(today, until)) {
                LocalDate from = year == today.getYear() ? today : LocalDate.of(year, 1, 1);
                LocalDate to = year == until.getYear() ? until : LocalDate.of(year, 12, 31);
                days += to.toEpochDay() - from.toEpochDay() + 1;
            }
            daysAheadGauge(region).set(days);
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select count(*) from deadline_timer where calendar = 'PROVISIONAL' and state in ('RUNNING', 'PAUSED')", Long.class)
                .getSingleResult()))
                .invoke(provisionalOpenClocks::set)
                .replaceWithVoid();
    }
}
