package io.wenzheng.analytics.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * HTML to PDF with a CJK font that travels with the service: the production image has no Chinese fonts, and a
 * renderer that looked only on the host printed every Chinese character as '#'. An operator may still name font files
 * to prefer (a Source Han or Noto face, say); the bundled Droid Sans Fallback covers all of GB 18030's common range.
 */
public final class ReportPdf {
    /** The family the report template asks for first. */
    public static final String FAMILY = "wzcjk";
    private static final String BUNDLED = "report/fonts/DroidSansFallbackFull.ttf";
    private static volatile byte[] bundled;

    private ReportPdf() {
    }

    public static byte[] render(String html, List<Path> preferredFonts) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            preferredFonts.stream().filter(Files::isReadable).findFirst()
                    .ifPresentOrElse(font -> builder.useFont(font.toFile(), FAMILY),
                            () -> builder.useFont(() -> new ByteArrayInputStream(bundledFont()), FAMILY));
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bundledFont() {
        byte[] font = bundled;
        if (font == null) {
            try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the service's jar");
                }
                font = bundled = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return font;
    }
}
