package io.wenzheng.analytics.report;

import io.quarkus.qute.Template;
import io.wenzheng.analytics.scorecard.ScoreLine;
import io.wenzheng.analytics.wiring.AnalyticsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** One report, three renderings: HTML for the browser, PDF from the same HTML for the city government, CSV for analysts. */
@ApplicationScoped
public class ReportRenderer {

    private final Template report;
    private final List<Path> fonts;

    @Inject
    public ReportRenderer(Template report, AnalyticsConfig config) {
        this.report = report;
        this.fonts = config.reports().fonts().orElse(List.of()).stream().map(Path::of).toList();
    }

    public String html(ReportContent content) {
        return report.data("content", content).render();
    }

    public byte[] pdf(String html) {
        return ReportPdf.render(html, fonts);
    }

    public String csv(ReportContent content) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("section", "name", "this_period", "previous_period", "change");
            for (ReportContent.Figure f : content.headline()) {
                csv.printRecord("headline", f.name(), f.current(), f.previous(), f.change());
            }
            csv.printRecord("section", "rank", "unit", "score", "routed", "on_time_rate", "completion_rate",
                    "satisfaction_rate", "hand_back_rate", "breached");
            for (ScoreLine line : content.scorecard().lines()) {
                var m = line.measures();
                csv.printRecord("scorecard", line.rank() == null ? "" : line.rank(), line.unitCode(), line.score(), m.routed(),
                        blank(m.onTimeRate()), blank(m.completionRate()), blank(m.satisfactionRate()), blank(m.handBackRate()),
                        m.breached());
            }
            for (var u : content.scorecard().unranked()) {
                var m = u.measures();
                csv.printRecord("unranked", "", u.unitCode(), "", m.routed(), blank(m.onTimeRate()), blank(m.completionRate()),
                        blank(m.satisfactionRate()), blank(m.handBackRate()), m.breached());
            }
            csv.printRecord("section", "category", "received", "share_percent");
            for (ReportContent.Share s : content.categories()) {
                csv.printRecord("category", s.name(), s.count(), s.share());
            }
            csv.printRecord("section", "rank", "heat", "title", "place", "first", "last", "petitions", "citizens", "support", "tracking_codes");
            for (var h : content.hotIssues()) {
                csv.printRecord("hot_issue", h.rank(), h.heat(), h.title(), h.place() == null ? "" : h.place(), content.cityTime(h.first()),
                        content.cityTime(h.last()), h.messages(), h.citizens(), h.support(),
                        String.join(" ", h.petitions().stream().map(p -> p.trackingCode() == null ? "" : p.trackingCode()).toList()));
            }
            csv.printRecord("section", "hotspot", "place", "first_seen", "last_seen", "count", "growth");
            for (var h : content.hotspots()) {
                csv.printRecord("hotspot", String.join(" ", h.label()), h.place() == null ? "" : h.place(), h.firstSeen(),
                        h.lastSeen(), h.count(), h.growth());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object blank(Double value) {
        return value == null ? "" : value;
    }
}
