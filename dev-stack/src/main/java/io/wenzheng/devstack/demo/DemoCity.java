package io.wenzheng.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.wenzheng.contracts.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code ./wenzheng up --demo}: the demo city's history imported, its reports published, and the city at work.
 * It reads the shared real data when it is there ({@code WENZHENG_DATA}, default {@code ../shared/data}) and the
 * bundled sample otherwise.
 */
public final class DemoCity {
    public static final String DIRECTORY = "deploy/demo/yinchuan/directory.json";
    static final String SAMPLE = "deploy/demo/sample/history.tsv";

    /** Where the suite answers, and who may ask. */
    public record Suite(String intakeUrl, String slaUrl, String analyticsUrl, java.util.Map<String, Object> kafkaClient, Function<String, String> tokenOf) {
    }

    /** What the demo set up. */
    public record Started(LiveCity city, HistoryUpload.Progress history, List<String> reports, Path source) {
    }

    private DemoCity() {
    }

    /** The shared data, or the bundled sample. */
    public static Path source(Path root) {
        Path data = Path.of(System.getenv().getOrDefault("WENZHENG_DATA", root.resolve("../shared/data").toString())).toAbsolutePath().normalize();
        Path replied = data.resolve("petitions-replied.tsv");
        return Files.isReadable(replied) ? replied : root.resolve(SAMPLE);
    }

    public static Started start(Path root, Suite suite, Consumer<String> say) throws IOException {
        return startFrom(source(root), suite, say);
    }

    /** @param source a file in the layout of {@code petitions-replied.tsv} */
    public static Started startFrom(Path source, Suite suite, Consumer<String> say) throws IOException {
        Instant now = Instant.now();
        List<DemoHistory.Message> messages = new java.util.ArrayList<>(DemoHistory.read(Files.readString(source)));
        Path unlabelled = source.resolveSibling("petitions-unlabelled.tsv");
        List<DemoHistory.Message> more = Files.isReadable(unlabelled) ? DemoHistory.read(Files.readString(unlabelled)) : List.of();
        messages.addAll(more);
        say.accept("demo: " + messages.size() + " messages of " + source.getParent() + " become the demo city's history, its "
                + "years squeezed into the last " + DemoHistory.SPAN.toDays() + " days");
        HttpClient http = HttpClient.newHttpClient();
        Map<Instant, Instant> dues = new ConcurrentHashMap<>();
        Function<Instant, Instant> dueOf = at -> dues.computeIfAbsent(at, a -> Instant.parse(get(http,
                suite.slaUrl() + "/api/v1/sla/preview?receivedAt=" + a, suite.tokenOf().apply("operator1")).path("firstResponseDue").asText()));
        DemoHistory.Demo demo = DemoHistory.of(messages, now, 24, dueOf);
        List<LiveCity.Text> texts = LiveCity.texts(more.isEmpty() ? messages : more);
        // The units listen before the import, so that today's backlog is theirs too.
        LiveCity city = new LiveCity(LiveCity.Settings.of(suite.intakeUrl(), suite.kafkaClient(), () -> suite.tokenOf().apply("operator1")),
                texts, say);
        try {
            HistoryUpload upload = new HistoryUpload(suite.intakeUrl(), () -> suite.tokenOf().apply("admin1"));
            long[] lastSaid = {0};
            say.accept("demo: importing the last " + DemoHistory.RECENT.toDays() + " days first (" + demo.recentLines() + " petitions)");
            HistoryUpload.Progress done = upload.importFile(demo.recent(), Duration.ofMinutes(20), p -> {
                if (p.done() || System.nanoTime() - lastSaid[0] > 5_000_000_000L) {
                    lastSaid[0] = System.nanoTime();
                    say.accept("demo: recent history " + p.bar());
                }
            });
            say.accept("demo: " + demo.backlog() + " of them are today's open cases, due from a quarter of an hour ago to within the hour");
            // A line the file repeats word for word is imported once, so analytics counts that many fewer.
            java.time.LocalDate recentFrom = java.time.LocalDate.now(DemoHistory.CITY).minusDays(DemoHistory.RECENT.toDays() - 1);
            awaitFolded(http, suite, demo.receivedSince(recentFrom) - done.duplicates(), recentFrom, say);
            List<String> reports = List.of(publish(http, suite, "WEEKLY"), publish(http, suite, "MONTHLY"));
            say.accept("demo: published " + String.join(" and ", reports));
            city.start();
            say.accept("demo: citizens write every 5 s through REST, WeChat, Weibo and the hotline; units answer through their command topics");
            if (demo.olderLines() > 0) {
                Thread older = new Thread(() -> importOlder(upload, demo, say), "demo-older-history");
                older.setDaemon(true);
                older.start();
            }
            return new Started(city, done, reports, source);
        } catch (RuntimeException e) {
            city.close();
            throw e;
        }
    }

    /** The older years, while the city works: the trends fill in behind the live figures. */
    private static void importOlder(HistoryUpload upload, DemoHistory.Demo demo, Consumer<String> say) {
        try {
            say.accept("demo: importing the older history in the background (" + demo.olderLines() + " petitions)");
            long[] lastSaid = {System.nanoTime()};
            HistoryUpload.Progress done = upload.importFile(demo.older(), Duration.ofHours(2), p -> {
                if (p.done() || System.nanoTime() - lastSaid[0] > 30_000_000_000L) {
                    lastSaid[0] = System.nanoTime();
                    say.accept("demo: older history " + p.bar());
                }
            });
            say.accept("demo: the whole history is in: " + done.imported() + " more petitions");
        } catch (RuntimeException e) {
            say.accept("demo: the older history was not imported: " + e.getMessage());
        }
    }

    /** Analytics folds the history in the background: the reports wait until it has counted it. */
    /**
     * Analytics folds the history in the background: the reports wait until it has counted every petition and the
     * routings and verdicts that follow stop moving.
     */
    private static void awaitFolded(HttpClient http, Suite suite, long expected, java.time.LocalDate from, Consumer<String> say) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String last = "";
        int steady = 0;
        while (System.nanoTime() < deadline) {
            JsonNode total = get(http, suite.analyticsUrl() + "/api/v1/stats/measures?from=" + from, suite.tokenOf().apply("analyst1")).path("total");
            String now = total.path("received").asLong() + "/" + total.path("routed").asLong() + "/" + total.path("responded").asLong() + "/"
                    + (total.path("respondedOnTime").asLong() + total.path("breached").asLong());
            steady = now.equals(last) ? steady + 1 : 0;
            last = now;
            if (total.path("received").asLong() >= expected && steady >= 3) {
                return;
            }
            HistoryUpload.sleep(1000);
        }
        say.accept("demo: analytics has counted " + last + " (received/routed/answered/judged) of " + expected
                + " petitions after 5 minutes; publishing anyway");
    }

    private static String publish(HttpClient http, Suite suite, String period) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(suite.analyticsUrl() + "/api/v1/reports?period=" + period))
                    .header("Authorization", "Bearer " + suite.tokenOf().apply("analyst1")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 201) {
                throw new IllegalStateException("publishing the " + period + " report: HTTP " + response.statusCode() + " " + response.body());
            }
            return EventJson.mapper().readTree(response.body()).path("title").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode get(HttpClient http, String url, String token) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
