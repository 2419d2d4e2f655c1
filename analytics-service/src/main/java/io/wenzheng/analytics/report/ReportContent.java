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
        java.time.ZoneId zone,
        /** Who issues it, its document number and its version (a republished period is a new version). */
        Issue issue) {

    /** 发文: the issuing office, the document number (文号) and the version, 1 for the first publication. */
    public record Issue(String issuer, String number, int version) {

        /**
         * The number follows the period, so that every instance and every republication gives the same one: the ISO
         * week of a weekly report, the month of a monthly one.
         */
        public static Issue of(String issuer, String prefix, Period period, int version) {
            java.time.LocalDate from = period.from();
            String number = switch (period.kind()) {
                case WEEKLY -> prefix + "〔" + from.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "〕周报第"
                        + from.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "号";
                case MONTHLY -> prefix + "〔" + from.getYear() + "〕月报第" + from.getMonthValue() + "号";
            };
            return new Issue(issuer, number, version);
        }
    }

    private static final java.time.format.DateTimeFormatter CITY_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The channels under the names people know them by, in the report's two languages. */
    public static Map<String, Measures> byChannelName(Map<String, Measures> byCode) {
        Map<String, Measures> named = new java.util.LinkedHashMap<>();
        byCode.forEach((code, m) -> named.put(switch (code == null ? "" : code) {
            case "WEB" -> "网站 Web";
            case "WECHAT" -> "微信 WeChat";
            case "WEIBO" -> "微博 Weibo";
            case "ALIPAY" -> "支付宝 Alipay";
            case "HOTLINE" -> "12345热线 Hotline";
            case "OPEN311" -> "Open311";
            default -> code == null || code.isEmpty() ? "–" : code;
        }, m));
        return named;
    }

    /** A clock's state in the report's two languages. */
    public String stateName(Object state) {
        String name = state == null ? "" : state.toString();
        return switch (name) {
            case "BREACHED" -> "已超时 Breached";
            case "RUNNING" -> "计时中 Running";
            case "PAUSED" -> "已暂停 Paused";
            case "MET" -> "已按时 Met";
            case "CANCELLED" -> "已撤销 Cancelled";
            default -> name.isEmpty() ? "–" : name;
        };
    }

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
