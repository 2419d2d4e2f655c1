package io.wenzheng.routing.classifier;

import java.util.List;
import java.util.Locale;

/** Accuracy, macro-F1, per-class precision, recall and F1, the confusion matrix, and a calibration table. */
public final class EvaluationReport {
    private final List<String> categories;
    private final long[][] confusion; // [actual][predicted]
    private final long[] binCount = new long[10];
    private final long[] binCorrect = new long[10];
    private final double[] binConfidence = new double[10];

    public EvaluationReport(List<String> categories) {
        this.categories = List.copyOf(categories);
        this.confusion = new long[categories.size()][categories.size()];
    }

    public void add(String actual, String predicted, double confidence) {
        int a = categories.indexOf(actual);
        int p = categories.indexOf(predicted);
        if (a < 0) {
            throw new IllegalArgumentException("unknown category " + actual);
        }
        if (p >= 0) {
            confusion[a][p]++;
        }
        int bin = Math.min(9, (int) (confidence * 10));
        binCount[bin]++;
        binConfidence[bin] += confidence;
        if (a == p) {
            binCorrect[bin]++;
        }
    }

    public long total() {
        long t = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                t += v;
            }
        }
        return t;
    }

    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        return total() == 0 ? 0 : (double) correct / total();
    }

    public double precision(int c) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    public double recall(int c) {
        long actual = 0;
        for (long v : confusion[c]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) confusion[c][c] / actual;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < categories.size(); c++) {
            sum += f1(c);
        }
        return sum / categories.size();
    }

    /** The report as Markdown, for docs/. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "| metric | value |%n|---|---|%n| petitions | %d |%n| accuracy | %.4f |%n| macro-F1 | %.4f |%n%n",
                total(), accuracy(), macroF1()));
        md.append("| category | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
        for (int c = 0; c < categories.size(); c++) {
            long support = 0;
            for (long v : confusion[c]) {
                support += v;
            }
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |%n", categories.get(c), precision(c), recall(c), f1(c), support));
        }
        md.append("\nConfusion matrix (rows: actual, columns: predicted)\n\n| actual \\ predicted |");
        categories.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|");
        categories.forEach(c -> md.append("---|"));
        md.append('\n');
        for (int a = 0; a < categories.size(); a++) {
            md.append("| ").append(categories.get(a)).append(" |");
            for (int p = 0; p < categories.size(); p++) {
                md.append(' ').append(confusion[a][p]).append(" |");
            }
            md.append('\n');
        }
        md.append("\nCalibration (predicted confidence against observed accuracy)\n\n| confidence | petitions | mean confidence | accuracy |\n|---|---|---|---|\n");
        for (int b = 0; b < 10; b++) {
            if (binCount[b] > 0) {
                md.append(String.format(Locale.ROOT, "| %.1f–%.1f | %d | %.3f | %.3f |%n", b / 10.0, (b + 1) / 10.0, binCount[b],
                        binConfidence[b] / binCount[b], (double) binCorrect[b] / binCount[b]));
            }
        }
        return md.toString();
    }
}
