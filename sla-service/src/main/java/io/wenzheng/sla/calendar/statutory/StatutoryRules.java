package io.wenzheng.sla.calendar.statutory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wenzheng.sla.calendar.HolidayYear;
import io.wenzheng.sla.calendar.YearSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The national holiday rules, versioned by the date each version took effect, and the provisional calendar they give
 * a year for which no State Council notice is loaded: the statutory days plus weekends, with no make-up working days
 * (调休) and no compensatory days (补假), which only a notice can set. A future revision of the rules is a new entry in
 * {@code calendar/statutory-rules.json}, not new code.
 *
 * @param lastComputableYear the last year whose lunar dates and solar terms have been checked (see the tests)
 */
public record StatutoryRules(List<StatutoryRuleSet> ruleSets, int lastComputableYear) {
    private static final String RESOURCE = "/calendar/statutory-rules.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, HolidayYear> COMPUTED = new ConcurrentHashMap<>();
    private static volatile StatutoryRules standard;

    public StatutoryRules {
        ruleSets = ruleSets.stream().sorted(Comparator.comparing(StatutoryRuleSet::effectiveFrom)).toList();
        if (ruleSets.isEmpty()) {
            throw new IllegalArgumentException("no statutory rule set");
        }
    }

    /** The bundled rules. */
    public static StatutoryRules standard() {
        StatutoryRules rules = standard;
        if (rules == null) {
            try (InputStream in = StatutoryRules.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + RESOURCE);
                }
                rules = parse(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = rules;
        }
        return rules;
    }

    public int firstComputableYear() {
        return ruleSets.get(0).effectiveFrom().getYear();
    }

    public boolean canCompute(int year) {
        return year >= firstComputableYear() && year <= lastComputableYear;
    }

    /** The rule set in force on 1 January of the year. */
    public StatutoryRuleSet inForce(int year) {
        LocalDate newYear = LocalDate.of(year, 1, 1);
        StatutoryRuleSet found = null;
        for (StatutoryRuleSet set : ruleSets) {
            if (!set.effectiveFrom().isAfter(newYear)) {
                found = set;
            }
        }
        if (found == null || !canCompute(year)) {
            throw new YearOutOfRangeException(year, firstComputableYear(), lastComputableYear);
        }
        return found;
    }

    /** The provisional calendar of a year: every day off the rules in force give it. */
    public HolidayYear provisionalYear(int year) {
        if (this != standard) {
            return compute(year);
        }
        return COMPUTED.computeIfAbsent(year, this::compute);
    }

    private HolidayYear compute(int year) {
        Set<LocalDate> off = new HashSet<>();
        for (StatutoryHoliday holiday : inForce(year).holidays()) {
            LocalDate first = holiday.rule().firstDay(year);
            for (int i = 0; i < holiday.days(); i++) {
                LocalDate day = first.plusDays(i);
                // 除夕 of a late 春节 never spills over, but keep a day outside the year out of this year's file.
                if (day.getYear() == year) {
                    off.add(day);
                }
            }
        }
        return new HolidayYear(year, off, Set.of(), YearSource.PROVISIONAL);
    }

    static StatutoryRules parse(JsonNode root) {
        List<StatutoryRuleSet> sets = new ArrayList<>();
        for (JsonNode set : root.path("ruleSets")) {
            List<StatutoryHoliday> holidays = new ArrayList<>();
            for (JsonNode h : set.path("holidays")) {
                HolidayRule rule = switch (h.path("rule").asText()) {
                    case "FIXED" -> new HolidayRule.Fixed(h.path("month").asInt(), h.path("day").asInt());
                    case "LUNAR" -> new HolidayRule.Lunar(h.path("month").asInt(), h.path("day").asInt());
                    case "LUNAR_NEW_YEARS_EVE" -> new HolidayRule.LunarNewYearsEve();
                    case "SOLAR_TERM" -> new HolidayRule.SolarTerm(h.path("longitude").asInt());
                    default -> throw new IllegalArgumentException("unknown holiday rule '" + h.path("rule").asText() + "' in " + h);
                };
                holidays.add(new StatutoryHoliday(h.path("name").asText(), rule, h.path("days").asInt()));
            }
            sets.add(new StatutoryRuleSet(LocalDate.parse(set.path("effectiveFrom").asText()), set.path("title").asText(), holidays));
        }
        return new StatutoryRules(sets, root.path("lastComputableYear").asInt());
    }
}
