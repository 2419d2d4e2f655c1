package io.wenzheng.analytics.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.Template;
import io.wenzheng.analytics.scorecard.ScoreLine;
import io.wenzheng.analytics.wiring.AnalyticsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;

/** One report, three renderings: HTML for the browser, PDF from the same HTML for the city government, CSV for analysts. */
@ApplicationScoped
public class ReportRenderer {
    private static final Logger LOG = Logger.getLogger(ReportRenderer.class);

    private final Template report;
    private final List<String> fonts;

    @Inject
    public ReportRenderer(Template report, AnalyticsConfig config) {
        this.report = report;
        this.fonts = config.reports().fonts();
    }

    /** Looked up at each rendering, so a font installed after start-up is used without a restart. */
    private Optional<Path> cjkFont() {
        Optional<Path> font = fonts.stream().map(Path::of).filter(Files::isReadable).findFirst();
        if (font.isEmpty()) {
            LOG.warnf("no CJK font among %s: PDF reports show Chinese as '#'; install Debian's fonts-droid-fallback", fonts);
        }
        return font;
    }

    public String html(ReportContent content) {
        return report.data("content", content).render();
    }

    public byte[] pdf(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            cjkFont().ifPresent(font -> builder.useFont(font.toFile(), "wzcjk"));
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            csv.printRecord("section", "category", "received", "share_percent");
            for (ReportContent.Share s : content.categories()) {
                csv.printRecord("category", s.name(), s.count(), s.share());
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
