package io.wenzheng.sla.timer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.CalendarStatus;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.sla.calendar.notice.CalendarBook;
import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.kit.outbox.OutboxEvent;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.sla.pledge.PetitionDeadlines;
import io.wenzheng.sla.pledge.SlaRules;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.wenzheng.kit.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sla")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sla")
public class SlaResource {
    @Inject
    Caller caller;
    @Inject
    CalendarBook book;
    @Inject
    java.time.Clock clock;

    public record Clock(Pledge pledge, TimeBasis timeBasis, String unitCode, String category, Instant startedAt, Instant dueAt,
                        String region, TimerState state, boolean warned, int escalationLevel, Instant pausedAt,
                        Instant settledAt, Instant nextActionAt, CalendarStatus calendar) {
        public static Clock of(DeadlineTimer t) {
            return new Clock(t.pledge, t.timeBasis, t.unitCode, t.category, t.startedAt, t.dueAt, t.region, t.state, t.warned,
                    t.escalationLevel, t.pausedAt, t.settledAt, t.nextFireAt, t.calendar);
        }
    }

    public record HistoryEntry(String type, Instant at, @com.fasterxml.jackson.annotation.JsonRawValue String data) {
    }

    public record PetitionClocks(String petitionId, List<Clock> clocks, List<HistoryEntry> history) {
    }

    public record BoardEntry(String petitionId, String trackingCode, String title, Pledge pledge, String unitCode, String districtCode, Instant dueAt,
                             TimerState state, int escalationLevel, int chases, Instant lastChasedAt, CalendarStatus calendar) {
        static BoardEntry of(DeadlineTimer t) {
            return new BoardEntry(t.petitionId, t.trackingCode, t.title, t.pledge, t.unitCode, t.districtCode, t.dueAt, t.state, t.escalationLevel,
                    t.chases, t.lastChasedAt, t.calendar);
        }
    }

    /**
     * The board. A clock the supervision office or the chain escalated is listed under {@code escalated} whatever its
     * state, and only there; {@code nextDue} holds the next running clocks past the window, so a quiet night (every
     * clock an 8-hour one) still shows what comes next.
     */
    public record Board(Instant asOf, List<BoardEntry> dueSoon, List<BoardEntry> breached, List<BoardEntry> escalated,
                        List<BoardEntry> waitingForCitizen, List<BoardEntry> nextDue) {
    }

    /** How many clocks past the window {@link Board#nextDue} shows. */
    static final int NEXT_DUE = 10;

    public record Preview(Instant receivedAt, String region, String category, TimeBasis timeBasis, Instant firstResponseDue,
                          Instant resolutionDue, CalendarStatus calendar) {
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.UNIT_STAFF, Roles.ADMIN})
    @Path("/petitions/{petitionId}")
    @Operation(summary = "Every clock of a petition, its state, and the SLA events it caused")
    public Uni<PetitionClocks> petition(@PathParam("petitionId") String petitionId) {
        var sight = caller.sight();
        return Panache.withSession(() -> DeadlineTimer.<DeadlineTimer>list("petitionId = ?1 order by pledge", petitionId)
                .chain(timers -> {
                    DeadlineTimer any = timers.isEmpty() ? null : timers.get(timers.size() - 1);
                    if (any == null || !sight.allows(any.unitCode, any.supervisingUnits)) {
                        throw ProblemException.notFound("SLA clocks for petition " + petitionId);
                    }
                    return OutboxEvent.<OutboxEvent>list("subject = ?1 and topic = ?2 order by seq", petitionId, io.wenzheng.contracts.Topics.SLA)
                            .map(events -> new PetitionClocks(petitionId, timers.stream().map(Clock::of).toList(),
                                    events.stream().map(e -> new HistoryEntry(e.eventType, e.occurredAt, e.payload)).toList()));
                }));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.UNIT_STAFF, Roles.ADMIN})
    @Path("/board")
    @Operation(summary = "The supervisor's board: due soon, breached, escalated and waiting for the citizen, optionally for "
            + "one unit, or for one district or county and every unit in it")
    public Uni<Board> board(@QueryParam("unit") String requestedUnit, @QueryParam("district") String district,
                            @QueryParam("within") @DefaultValue("PT1H") String within) {
        String unit = caller.unitFilter(requestedUnit);
        var sight = caller.sight();
        // Unit staff who name no unit also see the units below theirs that the directory lets them see.
        String supervised = !sight.cityWide() && (requestedUnit == null || requestedUnit.isBlank()) ? sight.likePattern() : null;
        Duration window;
        try {
            window = Duration.parse(within);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("within", "must be an ISO-8601 duration such as PT1H");
        }
        Instant now = clock.instant();
        String unitFilter = (unit == null ? "" : supervised != null
                ? " and (unitCode = :unit or supervisingUnits like :supervised escape '\\')" : " and unitCode = :unit")
                + (district == null || district.isBlank() ? "" : " and districtCode = :district");
        Instant until = now.plus(window);
        return Panache.withSession(() -> query("state = :state and escalationLevel = 0 and dueAt <= :until" + unitFilter + " order by dueAt",
                with(district, Map.of("state", TimerState.RUNNING, "until", until)), unit, supervised, MAX_LISTED)
                .chain(dueSoon -> query("state = :state and escalationLevel = 0" + unitFilter + " order by dueAt",
                        with(district, Map.of("state", TimerState.BREACHED)), unit, supervised, MAX_LISTED)
                        .chain(breached -> query("escalationLevel > 0 and state in :open" + unitFilter + " order by escalationLevel desc, dueAt",
                                with(district, Map.of("open", List.of(TimerState.RUNNING, TimerState.PAUSED, TimerState.BREACHED))),
                                unit, supervised, MAX_LISTED)
                                .chain(escalated -> query("state = :state and escalationLevel = 0" + unitFilter + " order by dueAt",
                                        with(district, Map.of("state", TimerState.PAUSED)), unit, supervised, MAX_LISTED)
                                        .chain(paused -> query("state = :state and escalationLevel = 0 and dueAt > :until" + unitFilter
                                                        + " order by dueAt", with(district, Map.of("state", TimerState.RUNNING, "until", until)),
                                                unit, supervised, NEXT_DUE)
                                                .map(next -> new Board(now, dueSoon, breached, escalated, paused, next)))))));
    }

    private static final int MAX_LISTED = 500;

    private static Map<String, Object> with(String district, Map<String, Object> params) {
        if (district == null || district.isBlank()) {
            return params;
        }
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.put("district", district);
        return all;
    }

    private static Uni<List<BoardEntry>> query(String where, Map<String, Object> params, String unit, String supervised, int limit) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        if (unit != null) {
            all.put("unit", unit);
        }
        if (unit != null && supervised != null) {
            all.put("supervised", supervised);
        }
        return DeadlineTimer.<DeadlineTimer>find(where, all).page(0, limit).list()
                .map(list -> list.stream().map(BoardEntry::of).toList());
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.UNIT_STAFF, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    @Path("/preview")
    @Operation(summary = "The deadlines a petition received at the given instant would get")
    public Preview preview(@QueryParam("receivedAt") String receivedAt, @QueryParam("category") String category,
                           @QueryParam("region") String region) {
        Instant at;
        try {
            at = receivedAt == null ? clock.instant() : Instant.parse(receivedAt);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("receivedAt", "must be an ISO-8601 instant such as 2026-11-27T02:15:00Z");
        }
        SlaRules rules = book.rules();
        if (region != null && !rules.regions().knows(region)) {
            throw ProblemException.invalid("region", "no calendar for region " + region + "; regions: " + rules.regions().names());
        }
        try {
            PetitionDeadlines deadlines = rules.deadlines(region, category);
            PetitionDeadlines.FirstResponse first = deadlines.firstResponse(at);
            Instant resolutionDue = deadlines.resolutionDue(at);
            return new Preview(at, region == null ? rules.regions().defaultRegion() : region, category, first.basis(),
                    first.dueAt(), resolutionDue, deadlines.calendarBetween(at, resolutionDue.isAfter(first.dueAt()) ? resolutionDue : first.dueAt()));
        } catch (io.wenzheng.sla.calendar.MissingHolidayDataException e) {
            throw ProblemException.invalid("receivedAt", e.getMessage());
        }
    }

}
