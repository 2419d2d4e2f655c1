package io.wenzheng.analytics.stats;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.analytics.hotspot.HotspotRow;
import io.wenzheng.analytics.measure.Counters;
import io.wenzheng.analytics.measure.Dimension;
import io.wenzheng.analytics.measure.MeasureFilter;
import io.wenzheng.analytics.measure.MeasureStore;
import io.wenzheng.analytics.measure.Measures;
import io.wenzheng.analytics.measure.Period;
import io.wenzheng.analytics.scorecard.Scorecard;
import io.wenzheng.analytics.wiring.AnalyticsConfig;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.wenzheng.kit.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The analyst's data: every figure of the dashboard and the reports, for any period and cut. */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics")
public class StatsResource {
    @Inject
    Caller caller;
    private final MeasureStore store;
    private final Scorecards scorecards;
    private final OpenCases openCases;
    private final AnalyticsConfig config;

    @Inject
    public StatsResource(MeasureStore store, Scorecards scorecards, OpenCases openCases, AnalyticsConfig config) {
        this.store = store;
        this.scorecards = scorecards;
        this.openCases = openCases;
        this.config = config;
    }

    /** One group of a cut. */
    public record Group(String key, Measures measures) {
    }

    public record MeasuresView(LocalDate from, LocalDate to, Dimension by, Measures total, List<Group> groups) {
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR, Roles.UNIT_STAFF})
    @Path("/measures")
    @Operation(summary = "Received, routed, in time, breached, resolved, completion rate, response and resolution times "
            + "(mean, p90), satisfaction, hand-back and reopen rates; by day, unit, category, channel or district")
    public Uni<MeasuresView> measures(
            @Parameter(description = "first day, inclusive (default: 30 days ago)") @QueryParam("from") String from,
            @Parameter(description = "last day, exclusive (default: tomorrow)") @QueryParam("to") String to,
            @QueryParam("unit") String unit, @QueryParam("district") String district,
            @QueryParam("category") String category, @QueryParam("channel") String channel,
            @QueryParam("by") @DefaultValue("ALL") String by) {
        MeasureFilter filter = filter(from, to, caller.unitFilter(unit), district, category, channel);
        Dimension dimension = choice("by", Dimension.class, by);
        return store.sum(filter, dimension).map(groups -> {
            List<Group> list = new ArrayList<>();
            Counters total = Counters.ZERO;
            for (Map.Entry<String, Counters> e : groups.entrySet()) {
                list.add(new Group(e.getKey(), Measures.of(e.getValue())));
                total = total.plus(e.getValue());
            }
            return new MeasuresView(filter.from(), filter.to(), dimension, Measures.of(total), list);
        });
    }

    public record ScorecardView(Period period, Scorecard scorecard) {
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/scorecard")
    @Operation(summary = "The league table of units for a week or a month, with the top 10 (十佳) and needs-improvement (通报批评) lists")
    public Uni<ScorecardView> scorecard(@QueryParam("period") @DefaultValue("WEEKLY") String periodKind,
                                        @Parameter(description = "any day in the period (default: the last complete period)") @QueryParam("date") String date,
                                        @QueryParam("district") String district) {
        Period.Kind kind = choice("period", Period.Kind.class, periodKind);
        Period period = date == null ? Period.lastCompleteBefore(kind, scorecards.today()) : Period.containing(kind, day("date", date));
        return scorecards.of(period, district).map(card -> new ScorecardView(period, card));
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/league")
    @Operation(summary = "The league table of units for any range of days (the dashboard's), scored like the weekly scorecard")
    public Uni<Scorecard> league(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("district") String district) {
        MeasureFilter filter = filter(from, to, null, district, null, null);
        return scorecards.of(filter);
    }

    public record TrendPoint(Period period, Double score, Integer rank, Measures measures) {
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR, Roles.UNIT_STAFF})
    @Path("/scorecard/trend")
    @Operation(summary = "One unit's score, rank and measures, period by period, oldest first")
    public Uni<List<TrendPoint>> trend(@QueryParam("unit") String unit,
                                       @QueryParam("period") @DefaultValue("WEEKLY") String kind,
                                       @QueryParam("periods") @DefaultValue("12") int periods) {
        unit = caller.unitFilter(unit);
        if (unit == null || unit.isBlank()) {
            throw ProblemException.invalid("unit", "name the unit whose trend you want");
        }
        if (periods < 1 || periods > 104) {
            throw ProblemException.invalid("periods", "between 1 and 104");
        }
        return scorecards.trend(unit, choice("period", Period.Kind.class, kind), periods);
    }

    /** A unit as the dashboard's filters offer it. */
    public record UnitLabel(String code, String name) {
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR, Roles.UNIT_STAFF})
    @Path("/units")
    @Operation(summary = "The units the figures know, by name, for the dashboard's filters; unit staff get their own unit")
    public Uni<List<UnitLabel>> units() {
        String own = caller.unitFilter(null);
        return scorecards.unitNames().map(names -> names.entrySet().stream()
                .filter(e -> own == null || own.equals(e.getKey()))
                .map(e -> new UnitLabel(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(UnitLabel::code))
                .toList());
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR, Roles.UNIT_STAFF})
    @Path("/backlog")
    @Operation(summary = "Open petitions by age: under 1 day, 1–3, 3–7, 7–30 and over 30 days")
    public Uni<Map<String, Long>> backlog(@QueryParam("unit") String unit, @QueryParam("district") String district) {
        return openCases.backlogByAge(caller.unitFilter(unit), district);
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR, Roles.UNIT_STAFF})
    @Path("/sla")
    @Operation(summary = "First responses due within the hour, breached and still open, and escalated; with the most urgent cases")
    public Uni<OpenCases.SlaStatus> sla(@QueryParam("unit") String unit, @QueryParam("district") String district) {
        return openCases.slaStatus(caller.unitFilter(unit), district);
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/hotspots")
    @Operation(summary = "Hotspots (热点), most recently detected first")
    public Uni<List<HotspotRow.Hotspot>> hotspots(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalid("limit", "between 1 and 500");
        }
        return Panache.withSession(() -> HotspotRow.<HotspotRow>find("order by detectedAt desc").page(0, limit).list())
                .map(rows -> rows.stream().map(HotspotRow::view).toList());
    }

    @Inject
    io.wenzheng.analytics.hotspot.HotIssueBoard hotIssues;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/hot-issues")
    @Operation(summary = "Hot issues (热点问题) of a period, hottest first: one row per issue, with its place or group of people, "
            + "first and last petition, petitions, distinct citizens, support, heat, and every petition's tracking code and subject")
    public Uni<List<io.wenzheng.analytics.hotspot.HotIssueBoard.Row>> hotIssues(
            @Parameter(description = "first day, inclusive (default: 30 days ago)") @QueryParam("from") String from,
            @Parameter(description = "last day, exclusive (default: tomorrow)") @QueryParam("to") String to,
            @QueryParam("top") @DefaultValue("20") int top) {
        if (top < 1 || top > 200) {
            throw ProblemException.invalid("top", "between 1 and 200");
        }
        MeasureFilter period = filter(from, to, null, null, null, null);
        return hotIssues.rank(period.from().atStartOfDay(config.zone()).toInstant(), period.to().atStartOfDay(config.zone()).toInstant(), top);
    }

    MeasureFilter filter(String from, String to, String unit, String district, String category, String channel) {
        LocalDate today = scorecards.today();
        LocalDate start = from == null ? today.minusDays(30) : day("from", from);
        LocalDate end = to == null ? today.plusDays(1) : day("to", to);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (start.plusYears(5).isBefore(end)) {
            throw ProblemException.invalid("to", "a period of at most five years");
        }
        return new MeasureFilter(start, end, unit, district, category, channel);
    }

    /** An enum query parameter; JAX-RS would answer a bad one with a bare 404. */
    public static <E extends Enum<E>> E choice(String name, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not " + value);
        }
    }

    public static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "a date like 2026-11-29, not " + value);
        }
    }

}
