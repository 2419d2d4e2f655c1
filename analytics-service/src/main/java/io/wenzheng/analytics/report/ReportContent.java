package io.wenzheng.analytics.report;

import io.wenzheng.analytics.hotspot.HotspotRow;
import io.wenzheng.analytics.measure.Measures;
import io.wenzheng.analytics.measure.Period;
import io.wenzheng.analytics.scorecard.Scorecard;
import io.wenzheng.analytics.stats.OpenCases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything a weekly or monthly report says, before it is rendered as HTML, PDF or CSV. */
public record ReportContent(
        Period period,
        Period previous,
        List<Figure> headline,
        Scorecard scorecard,
        List<Share> categories,
        List<Share> channels,
        List<Share> days,
        /** The period's hot issues (热点问题), hottest first. */
        List<io.wenzheng.analytics.hotspot.HotIssueBoard.Row> hotIssues,
        /** Surges: similar petitions arriving faster than before. */
        List<HotspotRow.Hotspot> hotspots,
        List<OpenCases.UrgentCase> notableCases,
        Instant generatedAt,
        /** The city's zone: every time in a report is the city's. */
        java.time.ZoneId zone) {

    private static final java.time.format.DateTimeFormatter CITY_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** An instant as the city reads it. */
    public String cityTime(Instant instant) {
        return instant == null ? "–" : CITY_TIME.format(instant.atZone(zone));
    }

    /** A headline number with the previous period's, and the change as text ("+12.5%", "−3.1 pt"). */
    public record Figure(String name, String current, String previous, String change, boolean better) {
    }

    /** One bar of a mix: a name, a count and its share of the largest, for CSS bars that need no script. */
    public record Share(String name, long count, double share, double percentOfMax) {
    }

    /** The last day of the period, for people: periods end exclusively. */
    public java.time.LocalDate lastDay() {
        return period.to().minusDays(1);
    }

    public java.time.LocalDate previousLastDay() {
        return previous.to().minusDays(1);
    }

    public String pct(Double rate) {
        return percent(rate);
    }

    public static List<Figure> headline(Measures now, Measures before) {
        List<Figure> figures = new ArrayList<>();
        figures.add(count("受理 Received", now.received(), before.received(), true));
        figures.add(count("办结 Resolved", now.resolved(), before.resolved(), true));
        figures.add(rate("办结率 Completion rate", now.completionRate(), before.completionRate(), true));
        figures.add(rate("按时响应率 Answered in time", now.onTimeRate(), before.onTimeRate(), true));
        figures.add(count("超时 Breached", now.breached(), before.breached(), false));
        figures.add(rate("满意率 Satisfaction", now.satisfactionRate(), before.satisfactionRate(), true));
        figures.add(rate("回退率 Hand-back rate", now.handBackRate(), before.handBackRate(), false));
        figures.add(hours("首次响应 p90 First response p90 (h)", now.firstResponseP90Hours(), before.firstResponseP90Hours()));
        return figures;
    }

    public static List<Share> shares(Map<String, Measures> groups, boolean largestFirst) {
        long max = groups.values().stream().mapToLong(Measures::received).max().orElse(0);
        long total = groups.values().stream().mapToLong(Measures::received).sum();
        List<Share> shares = new ArrayList<>();
        groups.forEach((name, m) -> shares.add(new Share(name.isEmpty() ? "未分类 unclassified" : name, m.received(),
                total == 0 ? 0 : round(100.0 * m.received() / total), max == 0 ? 0 : round(100.0 * m.received() / max))));
        if (largestFirst) {
            shares.sort((a, b) -> Long.compare(b.count(), a.count()));
        }
        return shares;
    }

    private static Figure count(String name, long now, long before, boolean higherIsBetter) {
        String change = before == 0 ? (now == 0 ? "±0" : "new") : signed(100.0 * (now - before) / before) + "%";
        return new Figure(name, String.valueOf(now), String.valueOf(before), change, higherIsBetter ? now >= before : now <= before);
    }

    private static Figure rate(String name, Double now, Double before, boolean higherIsBetter) {
        String change = now == null || before == null ? "–" : signed(100 * (now - before)) + " pt";
        boolean better = now == null || before == null || (higherIsBetter ? now >= before : now <= before);
        return new Figure(name, percent(now), percent(before), change, better);
    }

    private static Figure hours(String name, Double now, Double before) {
        String change = now == null || before == null ? "–" : signed(now - before) + " h";
        return new Figure(name, now == null ? "–" : String.format("%.1f", now), before == null ? "–" : String.format("%.1f", before),
                change, now == null || before == null || now <= before);
    }

    static String percent(Double rate) {
        return rate == null ? "–" : String.format("%.1f%%", rate * 100);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : value < 0 ? "-" : "±") + String.format("%.1f", Math.abs(value));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
