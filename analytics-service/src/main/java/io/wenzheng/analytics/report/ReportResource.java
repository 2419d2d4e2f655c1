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

    /**
     * @param version the latest version; {@code earlier} lists the ones it replaced, newest first, still readable
     * @param number the document number printed on it (文号)
     */
    public record ReportSummary(String reportId, String period, LocalDate from, LocalDate to, String title,
                                Map<String, String> links, Instant publishedAt, int version, String number, List<EarlierVersion> earlier) {
    }

    /** A version a republication replaced: it may have been handed out already, so it stays readable. */
    public record EarlierVersion(int version, Instant publishedAt, Map<String, String> links) {
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Published weekly and monthly reports, newest first, with links to their HTML, PDF and CSV")
    public Uni<List<ReportSummary>> list() {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createQuery(
                "select r.reportId, r.period, r.from, r.to, r.title, r.publishedAt, r.version, r.number from ReportRow r "
                        + "order by r.from desc, r.period", Object[].class).setMaxResults(200).getResultList()
                .chain(rows -> io.wenzheng.analytics.measure.NativeSql.rows("select report_id, version, published_at from report_version "
                        + "order by version desc", Map.of()).map(versions -> rows.stream().map(r -> new ReportSummary((String) r[0],
                        (String) r[1], (LocalDate) r[2], (LocalDate) r[3], (String) r[4], reports.links((String) r[0]), (Instant) r[5],
                        (Integer) r[6], (String) r[7], versions.stream().filter(v -> r[0].equals(v[0]))
                        .map(v -> new EarlierVersion(((Number) v[1]).intValue(), instant(v[2]),
                                reports.links(r[0] + "/v" + ((Number) v[1]).intValue()))).toList())).toList()))));
    }

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate the report of the week or month containing a day and publish it; publishing a period again makes a new version and keeps the earlier ones")
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
                        row.publishedAt, row.version, row.number, List.of())).build());
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

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/{id: [a-z]+-\\d{4}-\\d{2}-\\d{2}}/v{version: \\d{1,6}}.{format: html|pdf|csv}")
    @Operation(summary = "An earlier version of a report, as it was published before the period was published again")
    public Uni<Response> earlier(@PathParam("id") String id, @PathParam("version") int version, @PathParam("format") String format) {
        return Panache.withSession(() -> io.wenzheng.analytics.measure.NativeSql.rows("select html, pdf, csv from report_version "
                + "where report_id = :id and version = :version", Map.of("id", id, "version", version))).map(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.notFound("version " + version + " of report " + id);
                    }
                    Object[] r = rows.get(0);
                    return switch (format) {
                        case "html" -> Response.ok(r[0], MediaType.TEXT_HTML + ";charset=UTF-8").header("Content-Security-Policy", REPORT_POLICY).build();
                        case "pdf" -> Response.ok(r[1], "application/pdf")
                                .header("Content-Disposition", "inline; filename=\"" + id + "-v" + version + ".pdf\"").build();
                        default -> Response.ok(r[2], "text/csv;charset=UTF-8")
                                .header("Content-Disposition", "attachment; filename=\"" + id + "-v" + version + ".csv\"").build();
                    };
                });
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime o ? o.toInstant() : value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
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
