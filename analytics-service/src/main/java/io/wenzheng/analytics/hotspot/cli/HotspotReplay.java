package io.wenzheng.analytics.hotspot.cli;

import io.wenzheng.analytics.hotspot.Document;
import io.wenzheng.analytics.hotspot.HotspotDetector;
import io.wenzheng.analytics.hotspot.HotspotSettings;
import io.wenzheng.analytics.hotspot.PlaceNames;
import io.wenzheng.analytics.hotspot.Surge;
import io.wenzheng.analytics.hotspot.TextFeatures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays real petitions (TSV with id, subject, time and body columns) through the hotspot detector in the order
 * and with the timestamps they were written: the live service's detector, on an accelerated clock. Prints
 * progress, and writes a Markdown report of the hotspots it found.
 */
public final class HotspotReplay {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private record Petition(String id, String subject, String body, LocalDateTime time) {
    }

    public static void main(String[] args) {
        io.wenzheng.cli.Cli.Options parsed = io.wenzheng.cli.Cli.options("wenzheng hotspots", "Replay petitions (TSV with a header "
                        + "naming id, subject, time, body) through the hotspot detector in time order; writes a Markdown report.",
                "FILE", args,
                io.wenzheng.cli.Cli.Opt.of("window", String.class, "P7D", "the recent window, as an ISO-8601 duration"),
                io.wenzheng.cli.Cli.Opt.of("baseline", int.class, "4", "windows of history a surge is compared with"),
                io.wenzheng.cli.Cli.Opt.of("min", int.class, "5", "fewest petitions in the window that make a hotspot"),
                io.wenzheng.cli.Cli.Opt.of("growth", double.class, "3", "recent count over the baseline expectation that makes a surge"),
                io.wenzheng.cli.Cli.Opt.of("similarity", double.class, "0.45", "cosine similarity needed to join a cluster"),
                io.wenzheng.cli.Cli.Opt.of("out", String.class, "docs/hotspots.md", "where the report goes"));
        io.wenzheng.cli.Cli.guard("wenzheng hotspots", () -> run(parsed));
    }

    private static void run(io.wenzheng.cli.Cli.Options parsed) throws IOException {
        Map<String, String> options = parsed.values();
        List<Path> files = parsed.positional().stream().map(Path::of).toList();
        if (files.isEmpty()) {
            files = List.of(Path.of("../shared/data/petitions-unlabelled.tsv"), Path.of("../shared/data/petitions-replied.tsv"));
        }
        HotspotSettings settings = new HotspotSettings(Duration.parse(options.get("window")), Integer.parseInt(options.get("baseline")),
                Integer.parseInt(options.get("min")), Double.parseDouble(options.get("growth")), Double.parseDouble(options.get("similarity")));
        List<Petition> petitions = new ArrayList<>();
        for (Path file : files) {
            petitions.addAll(read(file));
        }
        petitions.sort((a, b) -> a.time().compareTo(b.time()) != 0 ? a.time().compareTo(b.time()) : a.id().compareTo(b.id()));
        System.err.printf("replaying %,d petitions from %s to %s with %s%n", petitions.size(), petitions.get(0).time(),
                petitions.get(petitions.size() - 1).time(), settings);

        HotspotDetector detector = new HotspotDetector(settings);
        Map<String, Surge> latest = new LinkedHashMap<>();
        Map<String, Petition> byId = new HashMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < petitions.size(); i++) {
            Petition p = petitions.get(i);
            byId.put(p.id(), p);
            String text = p.subject() + " " + p.body();
            String place = PlaceNames.estate(p.subject()).or(() -> PlaceNames.district(text)).orElse(null);
            detector.observe(new Document(p.id(), p.time().atZone(CITY).toInstant(), TextFeatures.bigrams(text), place))
                    .ifPresent(s -> latest.put(s.hotspotId(), s));
            if ((i + 1) % 500 == 0 || i + 1 == petitions.size()) {
                System.err.printf("  %,6d / %,d petitions, %d clusters, %d hotspots, now at %s%n", i + 1, petitions.size(),
                        detector.clusterCount(), latest.size(), p.time().toLocalDate());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("done in %.1f s (%.0f petitions/s)%n", seconds, petitions.size() / seconds);
        write(Path.of(options.get("out")), petitions.size(), files, settings, new ArrayList<>(latest.values()), byId, seconds);
        System.err.println("wrote " + options.get("out"));
    }

    private static List<Petition> read(Path file) throws IOException {
        List<Petition> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = Arrays.asList(in.readLine().split("\t", -1));
            int id = header.indexOf("id");
            int subject = header.indexOf("subject");
            int time = header.indexOf("time");
            int body = header.indexOf("body");
            if (id < 0 || subject < 0 || time < 0 || body < 0) {
                throw new IllegalArgumentException(file + " needs the columns id, subject, time and body");
            }
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length <= Math.max(Math.max(id, subject), Math.max(time, body))) {
                    continue;
                }
                try {
                    out.add(new Petition(file.getFileName() + ":" + f[id], f[subject], f[body], LocalDateTime.parse(f[time].trim(), TIME)));
                } catch (DateTimeParseException e) {
                    System.err.println("skipping a row with time '" + f[time] + "'");
                }
            }
        }
        return out;
    }

    private static void write(Path out, int count, List<Path> files, HotspotSettings settings, List<Surge> surges,
                              Map<String, Petition> byId, double seconds) throws IOException {
        surges.sort((a, b) -> Integer.compare(b.count(), a.count()));
        try (PrintStream md = new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8)) {
            md.println("# Hotspots found in the real petitions");
            md.println();
            md.println("Generated by `./wenzheng hotspots` (`HotspotReplay`): " + String.format("%,d", count) + " petitions from "
                    + files.stream().map(f -> "`" + f.getFileName() + "`").toList() + " replayed in time order, with their own");
            md.println("timestamps, through the same `HotspotDetector` that analytics-service runs on every received petition.");
            md.printf("Settings: window %s, baseline %d windows, at least %d petitions, growth ×%.1f, similarity %.2f. ",
                    settings.window(), settings.baselineWindows(), settings.minimumCount(), settings.minimumGrowth(), settings.similarity());
            md.printf("The replay took %.1f s.%n%n", seconds);
            md.println("A hotspot is reported with its peak: the most petitions it had in one window. Examples are the first");
            md.println("subjects of that window.");
            md.println();
            md.println("| # | label (top terms) | place | window | petitions | expected | growth | example subjects |");
            md.println("|---|---|---|---|---|---|---|---|");
            int n = 0;
            for (Surge s : surges) {
                List<String> subjects = s.examplePetitionIds().stream().limit(3).map(byId::get).map(Petition::subject)
                        .map(t -> t.replace("|", "/")).toList();
                md.printf("| %d | %s | %s | %s – %s | %d | %.2f | ×%.1f | %s |%n", ++n, String.join(" ", s.label()),
                        s.place() == null ? "–" : s.place(), s.firstSeen().atZone(CITY).toLocalDate(), s.lastSeen().atZone(CITY).toLocalDate(),
                        s.count(), s.expected(), s.growth(), String.join("<br>", subjects));
            }
        }
    }
}
