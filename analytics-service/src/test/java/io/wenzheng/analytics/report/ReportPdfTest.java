package io.wenzheng.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF's Chinese comes from the font inside the service, whatever the host has (here: a font path that exists nowhere). */
class ReportPdfTest {
    private static final String HTML = """
            <html><head><style>body { font-family: wzcjk, sans-serif; }</style></head>
            <body><h1>问政周报</h1><p>十佳单位：兴庆区住房和城乡建设局；通报：供热、物业、证明难。</p></body></html>""";

    @Test
    void chineseIsPrintedWithTheBundledFontWhenTheHostHasNone() throws Exception {
        byte[] pdf = ReportPdf.render(HTML, List.of(Path.of("/nonexistent/fonts/NotoSansCJK.ttc")));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("问政周报").contains("十佳单位").contains("兴庆区住房和城乡建设局").contains("证明难").doesNotContain("#");
            List<String> fonts = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                fonts.add(font.getName());
            }
            assertThat(fonts).as("the embedded, subset font").anyMatch(f -> f.contains("DroidSansFallback"));
        }
        assertThat(pdf.length).as("a subset is embedded, not the 4 MB font").isLessThan(400_000);
    }

    @Test
    void aPreferredFontFileIsUsedWhenItExists(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path copy = dir.resolve("city-font.ttf");
        java.nio.file.Files.write(copy, ReportPdf.bundledFont());
        byte[] pdf = ReportPdf.render(HTML, List.of(Path.of("/nonexistent.ttf"), copy));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", "")).contains("问政周报");
        }
    }
}
