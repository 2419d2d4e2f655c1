package io.wenzheng.sla;

import io.wenzheng.sla.calendar.CalendarRegions;
import io.wenzheng.sla.calendar.HolidayData;
import io.wenzheng.sla.calendar.HolidayYear;
import io.wenzheng.sla.calendar.OfficeSession;
import io.wenzheng.sla.calendar.SeasonalHours;
import io.wenzheng.sla.calendar.WorkCalendar;
import io.wenzheng.sla.pledge.PledgePolicy;
import io.wenzheng.sla.pledge.PolicyChange;
import io.wenzheng.sla.pledge.PolicyBook;
import io.wenzheng.sla.timer.TimerPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the configured calendars, the policies and the timer schedule from configuration; a bad value stops startup.
 * {@link io.wenzheng.sla.calendar.notice.CalendarBook} adds the notices loaded at run time.
 */
public class SlaWiring {

    @Produces
    @ApplicationScoped
    TimerPolicy timerPolicy(SlaConfig config) {
        return new TimerPolicy(config.warnShare(), config.escalationDelays());
    }

    public static CalendarRegions regions(SlaConfig config) {
        Map<String, WorkCalendar> calendars = new HashMap<>();
        config.regions().forEach((name, region) -> calendars.put(name, calendar(name, region)));
        if (!calendars.containsKey(config.defaultRegion())) {
            calendars.put(config.defaultRegion(), HolidayData.defaultCalendar(config.defaultRegion()));
        }
        return new CalendarRegions(config.defaultRegion(), calendars);
    }

    private static WorkCalendar calendar(String name, SlaConfig.Region region) {
        try {
            Map<Integer, HolidayYear> years = new HashMap<>(HolidayData.bundled(region.holidays()));
            region.holidayDirectory().ifPresent(dir -> years.putAll(HolidayData.directory(Path.of(dir))));
            List<SeasonalHours> seasons = region.seasons().values().stream()
                    .map(s -> new SeasonalHours(LocalDate.parse(s.from()), LocalDate.parse(s.to()), sessions(s.officeHours())))
                    .toList();
            return new WorkCalendar(name, ZoneId.of(region.zone()), sessions(region.officeHours()), seasons, years);
        } catch (RuntimeException e) {
            throw new IllegalStateException("wenzheng.sla.regions." + name + ": " + e.getMessage(), e);
        }
    }

    private static List<OfficeSession> sessions(List<String> text) {
        return text.stream().map(OfficeSession::parse).toList();
    }

    public static PolicyBook policies(SlaConfig config) {
        SlaConfig.Policy p = config.policy();
        PledgePolicy defaults = new PledgePolicy(p.workingTimeResponse(), p.restTimeResponse(), p.resolutionWorkingDays(),
                p.progressWorkingDays(), p.pauseWhileWaitingForCitizen());
        Map<String, PolicyChange> byRegion = new HashMap<>();
        config.regions().forEach((region, r) -> r.policy().ifPresent(o -> byRegion.put(region, change(o))));
        Map<String, PolicyChange> byCategory = new HashMap<>();
        config.categories().forEach((category, o) -> byCategory.put(category, change(o)));
        PolicyBook book = new PolicyBook(defaults, byRegion, byCategory);
        // Build every combination once, so an impossible value (0 working days, say) stops start-up, not an event.
        for (String region : byRegion.keySet()) {
            for (String category : byCategory.keySet()) {
                book.policyFor(region, category);
            }
            book.policyFor(region, null);
        }
        byCategory.keySet().forEach(category -> book.policyFor(null, category));
        return book;
    }

    private static PolicyChange change(SlaConfig.PolicyOverride o) {
        return new PolicyChange(o.workingTimeResponse().orElse(null), o.restTimeResponse().orElse(null),
                o.resolutionWorkingDays().isPresent() ? o.resolutionWorkingDays().getAsInt() : null,
                o.progressWorkingDays().isPresent() ? o.progressWorkingDays().getAsInt() : null,
                o.pauseWhileWaitingForCitizen().orElse(null));
    }
}
