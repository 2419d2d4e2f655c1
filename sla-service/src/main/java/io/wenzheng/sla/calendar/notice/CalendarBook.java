package io.wenzheng.sla.calendar.notice;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.sla.SlaConfig;
import io.wenzheng.sla.SlaWiring;
import io.wenzheng.sla.calendar.CalendarRegions;
import io.wenzheng.sla.calendar.HolidayData;
import io.wenzheng.sla.calendar.HolidayYear;
import io.wenzheng.sla.calendar.WorkCalendar;
import io.wenzheng.sla.calendar.YearSource;
import io.wenzheng.sla.calendar.statutory.StatutoryRules;
import io.wenzheng.sla.pledge.PolicyBook;
import io.wenzheng.sla.pledge.SlaRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The calendars and policies in force on this instance: the configured ones (bundled notices, provisional years) with
 * every notice loaded at run time on top. Every instance reads the loaded notices from the database on a short
 * refresh, so a notice one instance accepted reaches the others within {@code wenzheng.sla.calendar-refresh}.
 */
@ApplicationScoped
public class CalendarBook {
    private static final Logger LOG = Logger.getLogger(CalendarBook.class);

    private final CalendarRegions configured;
    private final PolicyBook policies;
    private volatile SlaRules rules;
    private volatile String appliedNotices = "";

    @Inject
    public CalendarBook(SlaConfig config, Clock clock) {
        this.configured = SlaWiring.regions(config);
        this.policies = SlaWiring.policies(config);
        this.rules = new SlaRules(configured, policies);
        refuseAnUncomputableToday(clock);
    }

    public SlaRules rules() {
        return rules;
    }

    /** Reads the loaded notices; true when they differ from those applied before, and are now applied. */
    public Uni<Boolean> refresh() {
        return Panache.withSession(() -> HolidayNotice.<HolidayNotice>listAll()).map(this::apply);
    }

    synchronized boolean apply(List<HolidayNotice> notices) {
        String fingerprint = notices.stream()
                .sorted(Comparator.comparing((HolidayNotice n) -> n.region).thenComparingInt(n -> n.year))
                .map(n -> n.region + "/" + n.year + "@" + n.loadedAt)
                .collect(Collectors.joining(","));
        if (fingerprint.equals(appliedNotices)) {
            return false;
        }
        Map<String, List<HolidayYear>> byRegion = new HashMap<>();
        for (HolidayNotice notice : notices) {
            if (!configured.knows(notice.region)) {
                LOG.warnf("a holiday notice for %d names region '%s', which this instance has no calendar for; ignored",
                        notice.year, notice.region);
                continue;
            }
            try {
                byRegion.computeIfAbsent(notice.region, r -> new ArrayList<>()).add(HolidayData.parse(
                        new ByteArrayInputStream(notice.document.getBytes(StandardCharsets.UTF_8)), YearSource.LOADED));
            } catch (IOException e) {
                LOG.errorf("the stored holiday notice %s/%d cannot be read (%s); the year keeps its previous calendar",
                        notice.region, notice.year, e.getMessage());
            }
        }
        rules = new SlaRules(configured.withNotices(byRegion), policies);
        appliedNotices = fingerprint;
        LOG.infof("holiday notices in force: %s", byRegion.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stream().map(y -> String.valueOf(y.year())).sorted().toList())
                .sorted().toList());
        return true;
    }

    /**
     * A service whose today lies in a year that has no notice and that the statutory rules cannot compute would give
     * no petition a deadline: say so at start-up rather than on every event.
     */
    private void refuseAnUncomputableToday(Clock clock) {
        for (String region : configured.names()) {
            WorkCalendar calendar = configured.calendar(region);
            int year = LocalDate.now(clock.withZone(calendar.zone())).getYear();
            if (!calendar.years().containsKey(year)) {
                StatutoryRules statutory = StatutoryRules.standard();
                throw new IllegalStateException("region " + region + ": today is in " + year + ", which has no holiday notice, and the "
                        + "statutory rules compute only " + statutory.firstComputableYear() + "–" + statutory.lastComputableYear()
                        + "; add calendar/" + region + "/" + year + ".json or a newer rule set to calendar/statutory-rules.json");
            }
        }
    }
}
