package io.wenzheng.sla.calendar.notice;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Roles;
import io.wenzheng.sla.calendar.HolidayData;
import io.wenzheng.sla.calendar.HolidayYear;
import io.wenzheng.sla.calendar.WorkCalendar;
import io.wenzheng.sla.calendar.YearSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The business calendars: which years each region knows and from where, and loading a year's notice at run time. */
@Path("/api/v1/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calendars")
public class CalendarResource {
    @Inject
    CalendarBook book;
    @Inject
    CalendarRefresh refresh;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;

    /** A year of a region's calendar: BUNDLED or LOADED notices are official, PROVISIONAL ones computed. */
    public record Year(int year, YearSource source, boolean official, List<LocalDate> daysOff, List<LocalDate> makeUpWorkdays) {
        static Year of(HolidayYear y) {
            return new Year(y.year(), y.source(), y.source().official(), y.daysOff().stream().sorted().toList(),
                    y.makeUpWorkdays().stream().sorted().toList());
        }
    }

    public record RegionCalendar(String region, String zone, List<Year> years) {
        static RegionCalendar of(WorkCalendar calendar) {
            return new RegionCalendar(calendar.region(), calendar.zone().getId(),
                    calendar.years().values().stream().map(Year::of).toList());
        }
    }

    /** What a load did: the year now in force, and how many open clocks moved or became official. */
    public record Loaded(String region, Year year, int clocksReplanned) {
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.UNIT_STAFF, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Every region's calendar: each year it can answer for, and whether a notice or the statutory rules gave it")
    public List<RegionCalendar> all() {
        var regions = book.rules().regions();
        return regions.names().stream().sorted().map(r -> RegionCalendar.of(regions.calendar(r))).toList();
    }

    @GET
    @Path("/{region}")
    @RolesAllowed({Roles.OPERATOR, Roles.UNIT_STAFF, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "One region's calendar, year by year, with each year's source")
    public RegionCalendar region(@PathParam("region") String region) {
        return RegionCalendar.of(known(region));
    }

    @PUT
    @Path("/{region}/years/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Load the State Council's holiday notice for a year (holiday-cn JSON); open clocks that rested on the "
            + "provisional year are re-planned, never earlier than the unit was told")
    public Uni<Loaded> load(@PathParam("region") String region, @PathParam("year") String yearText, String document) {
        known(region);
        int year;
        try {
            year = Integer.parseInt(yearText);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("year", "must be a year such as 2027, was '" + yearText + "'");
        }
        if (document == null || document.isBlank()) {
            throw ProblemException.invalid("body", "needs the year's notice as holiday-cn JSON: {\"year\":" + year
                    + ",\"days\":[{\"name\":\"元旦\",\"date\":\"" + year + "-01-01\",\"isOffDay\":true}, …]}");
        }
        HolidayYear notice;
        try {
            notice = HolidayData.parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), YearSource.LOADED);
        } catch (IOException e) {
            throw ProblemException.invalid("body", e.getMessage());
        }
        if (notice.year() != year) {
            throw ProblemException.invalid("year", "the path names " + year + " but the notice says \"year\": " + notice.year());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String by = identity.getPrincipal().getName();
        return Panache.withTransaction(() -> HolidayNotice.<HolidayNotice>findById(new HolidayNotice.Key(region, year))
                        .chain(existing -> {
                            HolidayNotice row = existing != null ? existing : new HolidayNotice();
                            row.region = region;
                            row.year = year;
                            row.document = document;
                            row.loadedAt = now;
                            row.loadedBy = by;
                            return existing != null ? Uni.createFrom().item(row) : row.persist();
                        }))
                .chain(refresh::refreshAndReplan)
                .map(moved -> new Loaded(region, Year.of(book.rules().regions().calendar(region).years().get(year)), moved));
    }

    private WorkCalendar known(String region) {
        if (!book.rules().regions().knows(region)) {
            throw ProblemException.notFound("calendar region " + region + " (regions: " + book.rules().regions().names() + ")");
        }
        return book.rules().regions().calendar(region);
    }
}
