package io.wenzheng.analytics.hotspot.cli;

import io.wenzheng.analytics.hotissue.HotIssue;
import io.wenzheng.analytics.hotissue.HotIssueRanking;
import io.wenzheng.analytics.hotissue.HotIssueSettings;
import io.wenzheng.analytics.hotissue.Message;
import io.wenzheng.analytics.hotissue.PlaceFinder;
import io.wenzheng.analytics.hotspot.Document;
import io.wenzheng.analytics.hotspot.HotspotDetector;
import io.wenzheng.analytics.hotspot.HotspotSettings;
import io.wenzheng.analytics.hotspot.PlaceNames;
import io.wenzheng.analytics.hotspot.Surge;
import io.wenzheng.analytics.hotspot.TextFeatures;
import io.wenzheng.cli.Cli;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads real petitions (TSV with id, subject, time and body columns; user and likes when present), ranks their
 * hot issues, and replays them through the surge detector in the order and with the timestamps they were
 * written. Prints progress, and writes a Markdown report whose first table is the ranking.
 */
public final class HotspotReplay {
    /** Everything after this line of an existing report is a reader's, and a new run keeps it. */
    static final String KEPT = "<!-- kept by ./wenzheng hotspots: everything below is written by a reader -->";

    public static void main(String[] args) {
        HotIssueSettings issues = HotIssueSettings.defaults();
        Cli.Options parsed = Cli.options("wenzheng hotspots", "Rank the hot issues of petitions (TSV with a header naming id, "
                        + "subject, time, body, and optionally user and likes), and replay them through the surge detector in time "
                        + "order; writes a Markdown report whose first table is the ranking.",
                "FILE", args,
                Cli.Opt.of("top", int.class, "20", "how many hot issues the ranking lists"),
                Cli.Opt.of("citizens", int.class, String.valueOf(issues.minimumCitizens()), "fewest different citizens that make a hot issue"),
                Cli.Opt.of("issue-similarity", double.class, String.valueOf(issues.similarity()),
                        "word similarity that joins two messages into one issue"),
                Cli.Opt.of("same-place", double.class, String.valueOf(issues.samePlace()),
                        "the lower word similarity that joins two messages about the same place"),
                Cli.Opt.of("window", String.class, "P7D", "surges: the recent window, as an ISO-8601 duration"),
                Cli.Opt.of("baseline", int.class, "4", "surges: windows of history a surge is compared with"),
                Cli.Opt.of("min", int.class, "5", "surges: fewest petitions in the window that make a surge"),
                Cli.Opt.of("growth", double.class, "3", "surges: recent count over the baseline expectation that makes a surge"),
                Cli.Opt.of("similarity", double.class, "0.45", "surges: cosine similarity needed to join a cluster"),
                Cli.Opt.of("out", String.class, "docs/hotspots.md", "where the report goes (- for standard output)"),
                Cli.Opt.of("pace", String.class, "", "surges: replay one petition every PACE (ISO-8601) instead of at its own time, so the "
                        + "detector's horizon fills as in a busy city; prints the detector's time and memory and writes no report"));
        Cli.guard("wenzheng hotspots", () -> run(parsed));
    }

    /** The heap in use after collections: what the detector holds is the difference of two of these. */
    private static long heapInUse() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void run(Cli.Options parsed) throws IOException {
        Map<String, String> options = parsed.values();
        List<Path> files = parsed.positional().stream().map(Path::of).toList();
        if (files.isEmpty()) {
            files = List.of(Path.of("../shared/data/petitions-unlabelled.tsv"), Path.of("../shared/data/petitions-replied.tsv"));
        }
        HotIssueSettings issueSettings = new HotIssueSettings(Double.parseDouble(options.get("issue-similarity")),
                Double.parseDouble(options.get("same-place")), Integer.parseInt(options.get("citizens")));
        HotspotSettings surgeSettings = new HotspotSettings(Duration.parse(options.get("window")), Integer.parseInt(options.get("baseline")),
                Integer.parseInt(options.get("min")), Double.parseDouble(options.get("growth")), Double.parseDouble(options.get("similarity")));
        int top = Integer.parseInt(options.get("top"));

        List<Message> messages = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        int repeated = 0;
        for (Path file : files) {
            MessageTable.Read read = MessageTable.read(file);
            for (Message m : read.messages()) {
                // One message in two files (the board's exports overlap) is one message.
                if (seen.add(m.id())) {
                    messages.add(m);
                } else {
                    repeated++;
                }
            }
            read.skipped().stream().limit(5).forEach(s -> System.err.println("skipping " + s));
            if (read.skipped().size() > 5) {
                System.err.printf("skipping %d more rows of %s%n", read.skipped().size() - 5, file.getFileName());
            }
        }
        if (repeated > 0) {
            System.err.printf("%d messages appear twice (the same id); each counts once%n", repeated);
        }
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("no messages in " + files);
        }
        messages.sort(Comparator.comparing(Message::time).thenComparing(Message::id));
        System.err.printf("ranking the hot issues of %,d messages from %s to %s%n", messages.size(),
                messages.get(0).time().atZone(MessageTable.CITY).toLocalDate(),
                messages.get(messages.size() - 1).time().atZone(MessageTable.CITY).toLocalDate());

        long started = System.nanoTime();
        HotIssueRanking ranker = new HotIssueRanking(issueSettings, new PlaceFinder(Set.of()));
        List<HotIssueRanking.Analysed> analysed = new ArrayList<>(messages.size());
        for (Message m : messages) {
            analysed.add(ranker.analyse(m));
            if (analysed.size() % 500 == 0 || analysed.size() == messages.size()) {
                System.err.printf("  %,6d / %,d messages read%n", analysed.size(), messages.size());
            }
        }
        List<HotIssue> ranking = ranker.rankAnalysed(analysed);
        double rankingSeconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("%d hot issues in %.1f s%n", ranking.size(), rankingSeconds);

        Duration pace = options.get("pace").isBlank() ? null : Duration.parse(options.get("pace"));
        long heapBefore = heapInUse();
        started = System.nanoTime();
        HotspotDetector detector = new HotspotDetector(surgeSettings);
        Map<String, Surge> surges = new LinkedHashMap<>();
        java.time.Instant paced = messages.get(0).time();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            String text = m.subject() + " " + m.body();
            String place = PlaceNames.forSurge(analysed.get(i).place(), text);
            java.time.Instant at = pace == null ? m.time() : paced.plus(pace.multipliedBy(i));
            detector.observe(new Document(String.valueOf(i), at, TextFeatures.bigrams(text), place))
                    .ifPresent(s -> surges.put(s.hotspotId(), s));
        }
        double surgeSeconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("%d surges in %.1f s (%.0f µs a petition)%n", surges.size(), surgeSeconds, surgeSeconds * 1e6 / messages.size());
        if (pace != null) {
            double megabytes = (heapInUse() - heapBefore) / 1e6;
            System.err.printf("the detector remembers %,d petitions in %,d clusters and holds %.1f MB of heap (%.1f KB a petition)%n",
                    detector.rememberedCount(), detector.clusterCount(), megabytes, megabytes * 1e3 / Math.max(1, detector.rememberedCount()));
            return;
        }

        HotIssueReport report = new HotIssueReport(files, messages, issueSettings, surgeSettings, rankingSeconds);
        String out = options.get("out");
        if (out.equals("-")) {
            report.write(System.out, ranking, top, new ArrayList<>(surges.values()), "");
            return;
        }
        Path path = Path.of(out);
        String kept = "";
        if (Files.exists(path)) {
            String existing = Files.readString(path, StandardCharsets.UTF_8);
            int at = existing.indexOf(KEPT);
            kept = at < 0 ? "" : existing.substring(at);
        }
        try (PrintStream md = new PrintStream(Files.newOutputStream(path), true, StandardCharsets.UTF_8)) {
            report.write(md, ranking, top, new ArrayList<>(surges.values()), kept);
        }
        System.err.println("wrote " + out);
    }
}
