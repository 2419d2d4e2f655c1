package io.wenzheng.analytics.report;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.wenzheng.analytics.hotspot.HotspotRow;
import io.wenzheng.analytics.measure.Dimension;
import io.wenzheng.analytics.measure.MeasureFilter;
import io.wenzheng.analytics.measure.MeasureStore;
import io.wenzheng.analytics.measure.Measures;
import io.wenzheng.analytics.measure.Period;
import io.wenzheng.analytics.stats.OpenCases;
import io.wenzheng.analytics.stats.Scorecards;
import io.wenzheng.analytics.wiring.AnalyticsConfig;
import io.wenzheng.contracts.ReportPublished;
import io.wenzheng.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Gathers a period's figures, renders the report, stores it and announces it on the insight topic. */
@ApplicationScoped
public class ReportService {
    /** The service's clock ({@code kit.time.ServiceClock}): the system clock, or a test profile's. */
    @jakarta.inject.Inject
    java.time.Clock clock;
    private static final Logger LOG = Logger.getLogger(ReportService.class);

    private final MeasureStore store;
    private final Scorecards scorecards;
    private final OpenCases openCases;
    private final ReportRenderer renderer;
    private final Outbox outbox;
    private final Vertx vertx;
    private final AnalyticsConfig config;
    private final io.wenzheng.analytics.hotspot.HotIssueBoard hotIssues;

    @Inject
    public ReportService(MeasureStore store, Scorecards scorecards, OpenCases openCases, ReportRenderer renderer, Outbox outbox,
                         Vertx vertx, AnalyticsConfig config, io.wenzheng.analytics.hotspot.HotIssueBoard hotIssues) {
        this.hotIssues = hotIssues;
        this.store = store;
        this.scorecards = scorecards;
        this.openCases = openCases;
        this.renderer = renderer;
        this.outbox = outbox;
        this.vertx = vertx;
        this.config = config;
    }

    @Scheduled(identity = "weekly-report", cron = "{wenzheng.analytics.reports.weekly-cron}", timeZone = "{wenzheng.analytics.zone}")
    Uni<Void> weekly() {
        return scheduled(Period.Kind.WEEKLY);
    }

    @Scheduled(identity = "monthly-report", cron = "{wenzheng.analytics.reports.monthly-cron}", timeZone = "{wenzheng.analytics.zone}")
    Uni<Void> monthly() {
        return scheduled(Period.Kind.MONTHLY);
    }

    private Uni<Void> scheduled(Period.Kind kind) {
        Period period = Period.lastCompleteBefore(kind, scorecards.today());
        // Several instances may fire together: the report id is the period's, and only the first publishes it.
        return Panache.withSession(() -> ReportRow.<ReportRow>findById(period.id())).chain(existing -> existing != null
                ? Uni.createFrom().voidItem()
                : generate(period).invoke(r -> LOG.infof("published %s", r.reportId)).replaceWithVoid());
    }

    /**
     * Generates the report of a period and publishes it. Publishing a period again makes a new version: the earlier
     * one stays readable (report_version), since it may already have been handed out.
     */
    public Uni<ReportRow> generate(Period period) {
        return Panache.withSession(() -> ReportRow.<ReportRow>findById(period.id()))
                .map(existing -> existing == null ? 1 : existing.version + 1)
                .chain(version -> gather(period, version))
                .chain(content -> vertx.executeBlocking(() -> render(content)))
                .chain(rendered -> Panache.withTransaction(() -> ReportRow.<ReportRow>findById(period.id(),
                        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(existing -> {
                    Uni<Void> archived = existing == null ? Uni.createFrom().voidItem()
                            : Panache.getSession().chain(session -> session.createNativeQuery("insert into report_version "
                                    + "(report_id, version, title, report_number, html, pdf, csv, published_at) "
                                    + "select report_id, version, title, report_number, html, pdf, csv, published_at from report "
                                    + "where report_id = :id on conflict do nothing").setParameter("id", period.id()).executeUpdate()).replaceWithVoid();
                    return archived.chain(() -> {
                        ReportRow row = existing == null ? new ReportRow() : existing;
                        row.reportId = period.id();
                        row.period = period.kind().name();
                        row.from = period.from();
                        row.to = period.to();
                        row.title = period.title();
                        row.html = rendered.html();
                        row.pdf = rendered.pdf();
                        row.csv = rendered.csv();
                        row.version = existing == null ? 1 : existing.version + 1;
                        row.number = rendered.issue().number();
                        row.publishedAt = clock.instant();
                        Uni<Void> stored = existing == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
                        return stored.chain(() -> outbox.append(new ReportPublished(row.reportId, row.period, row.from, row.to,
                                row.title, links(row.reportId), row.publishedAt), row.publishedAt)).replaceWith(row);
                    });
                })));
    }

    public Map<String, String> links(String reportId) {
        String base = config.reports().publicBaseUrl().map(u -> u.replaceAll("/+$", "")).orElse("");
        Map<String, String> links = new LinkedHashMap<>();
        for (String format : List.of("html", "pdf", "csv")) {
            links.put(format, base + "/api/v1/reports/" + reportId + "." + format);
        }
        return links;
    }

    private record Rendered(String html, byte[] pdf, String csv, ReportContent.Issue issue) {
    }

    private Rendered render(ReportContent content) {
        String html = renderer.html(content);
        return new Rendered(html, renderer.pdf(html), renderer.csv(content), content.issue());
    }

    Uni<ReportContent> gather(Period period, int version) {
        ReportContent.Issue issue = ReportContent.Issue.of(config.reports().issuer(), config.reports().numberPrefix(), period, version);
        Period previous = period.previous();
        MeasureFilter now = MeasureFilter.period(period.from(), period.to());
        MeasureFilter before = MeasureFilter.period(previous.from(), previous.to());
        return store.total(now).chain(current -> store.total(before).chain(last -> scorecards.of(period, null)
                .chain(card -> store.sum(now, Dimension.CATEGORY).chain(categories -> store.sum(now, Dimension.CHANNEL)
                        .chain(channels -> store.sum(now, Dimension.DAY).chain(days -> hotspots(period)
                                .chain(hotspots -> hotIssues.rank(period.from().atStartOfDay(config.zone()).toInstant(),
                                        period.to().atStartOfDay(config.zone()).toInstant(), 10).chain(issues -> openCases.notable(period.from().atStartOfDay(config.zone()).toInstant(),
                                        period.to().atStartOfDay(config.zone()).toInstant()).map(cases -> new ReportContent(period, previous,
                                        ReportContent.headline(Measures.of(current), Measures.of(last)), card,
                                        ReportContent.shares(measures(categories), true), ReportContent.shares(ReportContent.byChannelName(measures(channels)), true),
                                        ReportContent.shares(measures(days), false), issues, hotspots, cases, clock.instant(), config.zone(), issue))))))))));
    }

    private static Map<String, Measures> measures(Map<String, io.wenzheng.analytics.measure.Counters> groups) {
        Map<String, Measures> m = new LinkedHashMap<>();
        groups.forEach((k, c) -> m.put(k, Measures.of(c)));
        return m;
    }

    private Uni<List<HotspotRow.Hotspot>> hotspots(Period period) {
        Instant from = period.from().atStartOfDay(config.zone()).toInstant();
        Instant to = period.to().atStartOfDay(config.zone()).toInstant();
        return Panache.withSession(() -> HotspotRow.<HotspotRow>find("lastSeen >= ?1 and firstSeen < ?2 order by count desc", from, to)
                .page(0, 10).list()).map(rows -> rows.stream().map(HotspotRow::view).toList());
    }
}
