package io.wenzheng.analytics.report;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.analytics.measure.Period;
import io.wenzheng.analytics.stats.Scorecards;
import io.wenzheng.analytics.stats.StatsResource;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Tag(name = "reports")
public class ReportResource {
    private final ReportService reports;
    private final Scorecards scorecards;

    @Inject
    public ReportResource(ReportService reports, Scorecards scorecards) {
        this.reports = reports;
        this.scorecards = scorecards;
    }

    public record ReportSummary(String reportId, String period, LocalDate from, LocalDate to, String title,
                                Map<String, String> links, Instant publishedAt) {
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Published weekly and monthly reports, newest first, with links to their HTML, PDF and CSV")
    public Uni<List<ReportSummary>> list() {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createQuery(
                "select r.reportId, r.period, r.from, r.to, r.title, r.publishedAt from ReportRow r order by r.from desc, r.period",
                Object[].class).setMaxResults(200).getResultList()))
                .map(rows -> rows.stream().map(r -> new ReportSummary((String) r[0], (String) r[1], (LocalDate) r[2],
                        (LocalDate) r[3], (String) r[4], reports.links((String) r[0]), (Instant) r[5])).toList());
    }

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate (or regenerate) the report of the week or month containing a day, and publish it")
    public Uni<Response> generate(@QueryParam("period") @DefaultValue("WEEKLY") String kind, @QueryParam("date") String date) {
        Period.Kind k = StatsResource.choice("period", Period.Kind.class, kind);
        LocalDate today = scorecards.today();
        LocalDate day = date == null ? null : StatsResource.day("date", date);
        // A day in year 9999 is a typing error, not a period to publish. The upper bound leaves room for a period
        // not yet over (its report so far) and for test streams dated in the future, but not for absurd years.
        LocalDate latest = today.plusYears(10);
        if (day != null && (day.isBefore(EARLIEST) || day.isAfter(latest))) {
            throw ProblemException.invalid("date", "a day between " + EARLIEST + " and " + latest);
        }
        Period period = day == null ? Period.lastCompleteBefore(k, today) : Period.containing(k, day);
        return reports.generate(period).map(row -> Response.created(URI.create("/api/v1/reports/" + row.reportId + ".html"))
                .entity(new ReportSummary(row.reportId, row.period, row.from, row.to, row.title, reports.links(row.reportId),
                        row.publishedAt)).build());
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/{id: [a-z]+-\\d{4}-\\d{2}-\\d{2}}.html")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "A report as HTML")
    public Uni<Response> html(@PathParam("id") String id) {
        // The API's policy (default-src 'none') would strip the report's own inline styles; its text is escaped by Qute.
        return find(id).map(r -> Response.ok(r.html).header("Content-Security-Policy", REPORT_POLICY).build());
    }

    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/{id: [a-z]+-\\d{4}-\\d{2}-\\d{2}}.pdf")
    @Produces("application/pdf")
    @Operation(summary = "A report as PDF")
    public Uni<Response> pdf(@PathParam("id") String id) {
        return find(id).map(r -> Response.ok(r.pdf).header("Content-Disposition", "inline; filename=\"" + id + ".pdf\"").build());
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/{id: [a-z]+-\\d{4}-\\d{2}-\\d{2}}.csv")
    @Produces("text/csv;charset=UTF-8")
    @Operation(summary = "A report's figures as CSV")
    public Uni<Response> csv(@PathParam("id") String id) {
        return find(id).map(r -> Response.ok(r.csv).header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"").build());
    }

    private static Uni<ReportRow> find(String id) {
        return Panache.withSession(() -> ReportRow.<ReportRow>findById(id))
                .map(r -> {
                    if (r == null) {
                        throw ProblemException.notFound("report " + id);
                    }
                    return r;
                });
    }
}
