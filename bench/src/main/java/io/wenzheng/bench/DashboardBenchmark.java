package io.wenzheng.bench;

import io.wenzheng.devstack.DevStack;
import io.wenzheng.devstack.process.Ports;
import io.wenzheng.devstack.suite.ServiceName;
import io.wenzheng.devstack.suite.Suite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills analytics' read models with millions of petitions and measures what the ops dashboard asks for, through
 * analytics-service's real HTTP endpoints. The fill writes the fact rows and the pre-aggregated rows with the
 * same arithmetic as the projector (a petition counts on its city day; durations land in √2 buckets), in SQL,
 * because pushing 10 million petitions through Kafka would measure the pipeline, not the dashboard.
 */
public final class DashboardBenchmark {
    private static final String[] CATEGORIES = {"城乡建设", "劳动和社会保障", "教育文体", "商贸旅游", "环境保护", "卫生计生", "交通运输"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 12, 1);

    private DashboardBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> opts = io.wenzheng.cli.Cli.options("wenzheng dashboard-bench", "Fill analytics with millions of "
                        + "petitions and measure the dashboard's queries; writes bench/target/dashboard-bench.", args,
                io.wenzheng.cli.Cli.Opt.of("petitions", long.class, "10000000", "petitions to fill in"),
                io.wenzheng.cli.Cli.Opt.of("units", int.class, "120", "units they are spread over"),
                io.wenzheng.cli.Cli.Opt.of("days", int.class, "365", "days they are spread over"),
                io.wenzheng.cli.Cli.Opt.of("repeats", int.class, "100", "times each query is timed")).values();
        io.wenzheng.cli.Cli.guard("wenzheng dashboard-bench", () -> run(opts));
    }

    private static void run(Map<String, String> opts) throws Exception {
        long petitions = Long.parseLong(opts.getOrDefault("petitions", "10000000"));
        int units = Integer.parseInt(opts.getOrDefault("units", "120"));
        int days = Integer.parseInt(opts.getOrDefault("days", "365"));
        int repeats = Integer.parseInt(opts.getOrDefault("repeats", "100"));
        Path root = Path.of(System.getProperty("wenzheng.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/dashboard-bench");

        try (DevStack stack = DevStack.start(DevStack.Settings.forTests(work));
             Suite suite = new Suite(stack, root, p -> Ports.free())) {
            System.out.println("dashboard-bench | starting analytics-service");
            var analytics = suite.startTuned(ServiceName.ANALYTICS, "analytics-bench", Ports.free(), List.of(), Map.of(),
                    Duration.ofSeconds(180));
            long t0 = System.nanoTime();
            try (Connection db = stack.postgres().superuserConnection("analytics")) {
                fill(db, petitions, units, days);
            }
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            String base = analytics.baseUrl();
            LocalDate to = FIRST_DAY.plusDays(days);
            LocalDate from = to.minusDays(30);
            String range = "from=" + from + "&to=" + to;
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("headline, 30 days", "/api/v1/stats/measures?" + range);
            queries.put("trend by day, 30 days", "/api/v1/stats/measures?by=DAY&" + range);
            queries.put("category mix, 30 days", "/api/v1/stats/measures?by=CATEGORY&" + range);
            queries.put("channel mix, 30 days", "/api/v1/stats/measures?by=CHANNEL&" + range);
            queries.put("unit league table, 30 days", "/api/v1/stats/league?" + range);
            queries.put("league table, one district", "/api/v1/stats/league?district=D3&" + range);
            queries.put("trend by day, one unit, 1 year", "/api/v1/stats/measures?by=DAY&unit=U7&from=" + FIRST_DAY + "&to=" + to);
            queries.put("headline, whole year", "/api/v1/stats/measures?from=" + FIRST_DAY + "&to=" + to);
            queries.put("SLA board (open petitions)", "/api/v1/stats/sla");
            queries.put("backlog by age", "/api/v1/stats/backlog");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            StringBuilder table = new StringBuilder();
            table.append(String.format("| query | p50 ms | p95 ms | p99 ms | max ms |%n|---|---|---|---|---|%n"));
            for (Map.Entry<String, String> q : queries.entrySet()) {
                double[] ms = measure(http, base + q.getValue(), repeats);
                String row = String.format("| %s | %.1f | %.1f | %.1f | %.1f |", q.getKey(), pct(ms, 0.5), pct(ms, 0.95), pct(ms, 0.99), ms[ms.length - 1]);
                System.out.println("dashboard-bench | " + row);
                table.append(row).append('\n');
            }
            String report = String.format("Dashboard queries on %,d petitions (%d units, %d days, %,d pre-aggregated rows); fill %.0f s; "
                            + "%d sequential requests per query after 10 warm-ups, over HTTP to analytics-service.%n%n%s",
                    petitions, units, days, count(stack, "daily_measure"), fillSeconds, repeats, table);
            Files.createDirectories(work);
            Files.writeString(work.resolve("report.md"), report);
            System.out.println();
            System.out.println(report);
            System.out.println("dashboard-bench | report written to " + work.resolve("report.md") + "; analytics log " + analytics.logFile());
        }
    }

    private static long count(DevStack stack, String table) throws Exception {
        try (Connection db = stack.postgres().superuserConnection("analytics"); Statement st = db.createStatement();
             var rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void fill(Connection db, long petitions, int units, int days) throws Exception {
        long chunk = 1_000_000;
        String categories = "array['" + String.join("','", CATEGORIES) + "']";
        try (Statement st = db.createStatement()) {
            st.execute("set synchronous_commit = off");
            st.execute("set work_mem = '1GB'");
            for (long start = 1; start <= petitions; start += chunk) {
                long end = Math.min(petitions, start + chunk - 1);
                long t = System.nanoTime();
                // Most petitions are answered within the hour and resolved within weeks. About 1% is never answered: those of the
                // last day still run, older ones are breached and open. About 9% of the last month is still in progress.
                st.execute(String.format("""
                        insert into petition_fact (petition_id, channel, category, unit_code, district_code, status, received_at,
                            first_response_due, sla_state, first_responded_at, resolved_at, hand_backs, reopens, rating,
                            escalation_level, updated_at)
                        select lpad(upper(to_hex(g)), 26, '0'),
                               (array['WEIBO','WEIBO','WEIBO','WECHAT','ALIPAY','WEB','HOTLINE'])[1 + g %% 7],
                               (%s)[1 + (g / 7) %% 7],
                               'U' || (g %% %d), 'D' || ((g %% %d) / 10),
                               case when g %% 97 = 0 then 'ROUTED' when g %% 11 = 0 and recent then 'IN_PROGRESS'
                                    when g %% 3 = 0 then 'CLOSED' else 'RESOLVED' end,
                               ts, ts + interval '1 hour',
                               case when g %% 97 = 0 and today then 'RUNNING' when g %% 97 = 0 or g %% 13 = 0 then 'BREACHED' else 'MET' end,
                               case when g %% 97 = 0 then null else ts + ((g * 7919) %% 7200) * interval '1 second' end,
                               case when g %% 97 = 0 or (g %% 11 = 0 and recent) then null else ts + ((g * 104729) %% 3456000) * interval '1 second' end,
                               0, 0, case when g %% 3 = 0 then 1 + (g / 3) %% 5 end,
                               case when g %% 97 = 0 and not today or g %% 13 = 0 then 1 else 0 end, now()
                        from (select g, ts, ts > ending - interval '1 day' as today, ts > ending - interval '30 days' as recent
                              from (select g, timestamptz '%s 00:00:00+08' + (g * (%d * 86400.0 / %d)) * interval '1 second' as ts,
                                           timestamptz '%s 00:00:00+08' as ending
                                    from generate_series(%d::bigint, %d::bigint) g) t) s
                        """, categories, units, units, FIRST_DAY, days, petitions, FIRST_DAY.plusDays(days), start, end));
                System.out.printf("dashboard-bench | facts %,d / %,d (%.1f s)%n", end, petitions, (System.nanoTime() - t) / 1e9);
            }
            long t = System.nanoTime();
            // Every grain of Grain.java: 0 every cut, 1 unit and district, 2 category/channel/district, 3 district.
            String[][] grains = {
                    {"0", "unit_code", "category", "channel", "district_code"},
                    {"1", "unit_code", "''", "''", "district_code"},
                    {"2", "''", "category", "channel", "district_code"},
                    {"3", "''", "''", "''", "district_code"}};
            // Every grain straight from the facts. Grain 0 (every cut) keeps counters but empty histograms: no dashboard query
            // reads it, and 40-bucket arrays over its 1.5 million groups would make the fill take an hour, not the queries.
            // Double precision: extract() returns numeric, and numeric logarithms over 10 million rows take many minutes.
            String frSeconds = "extract(epoch from first_responded_at - received_at)::float8";
            String resSeconds = "extract(epoch from resolved_at - received_at)::float8";
            String resolved = "status in ('RESOLVED', 'CLOSED')";
            for (String[] g : grains) {
                String cut = g[1] + ", " + g[2] + ", " + g[3] + ", " + g[4];
                boolean histograms = !g[0].equals("0");
                st.execute("insert into daily_measure (grain, day, unit_code, category, channel, district_code, received, routed, "
                        + "responded, first_response_met, first_response_breached, resolved, handed_back, reopened, rated, satisfied, "
                        + "rating_sum, first_response_seconds, resolution_seconds, open, open_breached, open_escalated, "
                        + "first_response_hist, resolution_hist) "
                        + "select " + g[0] + ", (received_at at time zone 'Asia/Shanghai')::date, " + cut + ", count(*), count(*), "
                        + "count(first_responded_at), count(*) filter (where sla_state = 'MET'), count(*) filter (where sla_state = 'BREACHED'), "
                        + "count(*) filter (where " + resolved + "), 0, 0, count(rating), count(*) filter (where rating >= 4), "
                        + "coalesce(sum(rating), 0), coalesce(sum(" + frSeconds + ")::bigint, 0), "
                        + "coalesce(sum(" + resSeconds + ") filter (where " + resolved + "), 0)::bigint, "
                        + "count(*) filter (where not " + resolved + "), count(*) filter (where not " + resolved + " and sla_state = 'BREACHED'), "
                        + "count(*) filter (where not " + resolved + " and escalation_level > 0), "
                        + (histograms ? histogram("bf") + ", " + histogram("br") : "array_fill(0::bigint, array[40]), array_fill(0::bigint, array[40])")
                        + " from (select *, case when first_responded_at is null then -1 else " + bucket(frSeconds) + " end as bf, "
                        + "case when resolved_at is null or not " + resolved + " then -1 else " + bucket(resSeconds) + " end as br "
                        + "from petition_fact) f group by 2, 3, 4, 5, 6");
                System.out.printf("dashboard-bench | grain %s pre-aggregated (%.1f s)%n", g[0], (System.nanoTime() - t) / 1e9);
            }
            st.execute("analyze");
            System.out.printf("dashboard-bench | pre-aggregated in %.1f s%n", (System.nanoTime() - t) / 1e9);
        }
    }

    /** DurationHistogram.bucketOf in SQL: 0 below a minute, then one bucket per factor of √2, 40 in all. */
    private static String bucket(String seconds) {
        return "case when " + seconds + " < 60 then 0 else least(39, 1 + floor(2 * ln((" + seconds + ") / 60.0) / ln(2.0)))::int end";
    }

    private static String histogram(String bucketColumn) {
        List<String> counts = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            counts.add("count(*) filter (where " + bucketColumn + " = " + b + ")");
        }
        return "array[" + String.join(", ", counts) + "]::bigint[]";
    }

    private static double[] measure(HttpClient http, String url, int repeats) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        for (int i = 0; i < 10; i++) {
            expectOk(http.send(request, HttpResponse.BodyHandlers.ofString()), url);
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            expectOk(http.send(request, HttpResponse.BodyHandlers.ofString()), url);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return Arrays.copyOf(sorted, sorted.length);
    }

    private static void expectOk(HttpResponse<String> response, String url) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static double pct(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
