package io.wenzheng.analytics.hotspot.cli;

import io.wenzheng.analytics.hotissue.HotIssue;
import io.wenzheng.analytics.hotissue.HotIssueRanking;
import io.wenzheng.analytics.hotissue.HotIssueSettings;
import io.wenzheng.analytics.hotissue.Message;
import io.wenzheng.analytics.hotissue.PlaceFinder;
import io.wenzheng.cli.Cli;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses the hot-issue settings by cross-validation on the shared board's data, over slices the settings were
 * not fitted to, and prints every figure:
 * <ul>
 *   <li><b>purity</b>: in the labelled file, the share of message pairs put in one issue that carry the same
 *   category. Two messages of different categories are never one issue, so 1 − purity is a floor on wrong joins.
 *   Five folds.</li>
 *   <li><b>twin recall</b>: in the replied file, the department sometimes answered several messages with one reply
 *   (same text, over 60 characters after the greeting): it judged them one issue. The share of those pairs put in
 *   one issue. Time slices of a year.</li>
 *   <li><b>stability</b>: in the unlabelled and replied files, per half-year, the top 10 of two random 80 %
 *   samples; the share of one's top 10 that the other's top 10 also holds (an issue matches when they share a
 *   message that both samples hold).</li>
 * </ul>
 * The rule: the highest twin recall, ties to the higher mean purity, then to the higher stability. (The rule fixed
 * before the first run asked for purity of at least 0.95 on every fold; no setting reached it, because the board's
 * own labels disagree on some twins, so it chose nothing: docs/hotspots.md.)
 */
public final class HotIssueTuning {
    private static final double[] SIMILARITIES = {0.4, 0.45, 0.5, 0.55, 0.6, 0.7};
    private static final double[] SAME_PLACE = {0.2, 0.25, 0.3, 0.35, 0.4, 0.5};

    record Labelled(HotIssueRanking.Analysed analysed, String category) {
    }

    public static void main(String[] args) {
        Cli.Options parsed = Cli.options("wenzheng hotspots-tune", "Cross-validate the hot-issue settings on ../shared/data "
                + "(purity on the labelled file, twin recall on the replied file, top-10 stability over half-years) and print the figures.",
                args, Cli.Opt.of("data", String.class, "../shared/data", "the folder with the shared TSV files"));
        Cli.guard("wenzheng hotspots-tune", () -> run(Path.of(parsed.values().get("data"))));
    }

    private static void run(Path data) throws IOException {
        HotIssueRanking analyser = new HotIssueRanking(HotIssueSettings.defaults(), new PlaceFinder(Set.of()));
        long started = System.nanoTime();
        List<Labelled> labelled = new ArrayList<>();
        for (String[] row : rows(data.resolve("petitions-labelled.tsv"), "id", "subject", "body", "category")) {
            Message m = new Message("L" + labelled.size(), null, row[1], row[2], Instant.EPOCH, 0);
            labelled.add(new Labelled(analyser.analyse(m), row[3]));
            progress("labelled", labelled.size());
        }
        Map<String, String> replyOf = new HashMap<>();
        List<HotIssueRanking.Analysed> replied = new ArrayList<>();
        for (String[] row : rows(data.resolve("petitions-replied.tsv"), "id", "user", "subject", "time", "body", "reply")) {
            Message m = new Message("R" + row[0], row[1], row[2], row[4], MessageTable.time(row[3]).atZone(MessageTable.CITY).toInstant(), 0);
            replied.add(analyser.analyse(m));
            replyOf.put(m.id(), replyKey(row[5]));
            progress("replied", replied.size());
        }
        List<HotIssueRanking.Analysed> unlabelled = new ArrayList<>();
        for (Message m : MessageTable.read(data.resolve("petitions-unlabelled.tsv")).messages()) {
            unlabelled.add(analyser.analyse(new Message("U" + m.id(), m.citizen(), m.subject(), m.body(), m.time(), m.likes())));
            progress("unlabelled", unlabelled.size());
        }
        System.err.printf("analysed %,d messages in %.0f s%n", labelled.size() + replied.size() + unlabelled.size(),
                (System.nanoTime() - started) / 1e9);

        List<List<Labelled>> folds = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            folds.add(new ArrayList<>());
        }
        for (int i = 0; i < labelled.size(); i++) {
            folds.get(i % 5).add(labelled.get(i));
        }
        Map<Integer, List<HotIssueRanking.Analysed>> repliedByYear = replied.stream()
                .collect(Collectors.groupingBy(a -> Math.max(2015, year(a.message().time()))));
        List<HotIssueRanking.Analysed> both = new ArrayList<>(replied);
        both.addAll(unlabelled);
        Map<String, List<HotIssueRanking.Analysed>> halves = both.stream().filter(a -> year(a.message().time()) >= 2018)
                .collect(Collectors.groupingBy(a -> year(a.message().time()) + (month(a.message().time()) <= 6 ? "H1" : "H2")));
        halves.values().removeIf(h -> h.size() < 100);

        comparePlaceFinders(replied, unlabelled, replyOf);

        System.out.println("| similarity | same place | purity (min over 5 folds) | purity (mean) | twin recall (mean over years) | twin pairs | stability of top 10 (mean over half-years) |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<double[]> rows = new ArrayList<>();
        for (double s : SIMILARITIES) {
            for (double p : SAME_PLACE) {
                if (p > s) {
                    continue;
                }
                HotIssueRanking ranking = new HotIssueRanking(new HotIssueSettings(s, p, 1), new PlaceFinder(Set.of()));
                double minPurity = 1;
                double sumPurity = 0;
                for (List<Labelled> fold : folds) {
                    double purity = purity(ranking, fold);
                    minPurity = Math.min(minPurity, purity);
                    sumPurity += purity;
                }
                int together = 0;
                int pairs = 0;
                double sumRecall = 0;
                int years = 0;
                for (List<HotIssueRanking.Analysed> slice : repliedByYear.values()) {
                    int[] r = twinRecall(ranking, slice, replyOf);
                    if (r[1] > 0) {
                        together += r[0];
                        pairs += r[1];
                        sumRecall += (double) r[0] / r[1];
                        years++;
                    }
                }
                HotIssueRanking ranked = new HotIssueRanking(new HotIssueSettings(s, p, 2), new PlaceFinder(Set.of()));
                double sumStability = 0;
                for (List<HotIssueRanking.Analysed> half : halves.values()) {
                    sumStability += stability(ranked, half);
                }
                double recall = sumRecall / years;
                double stability = sumStability / halves.size();
                System.out.printf(Locale.ROOT, "| %.2f | %.2f | %.3f | %.3f | %.3f | %d/%d | %.2f |%n", s, p, minPurity, sumPurity / folds.size(),
                        recall, together, pairs, stability);
                rows.add(new double[] {s, p, sumPurity / folds.size(), recall, stability});
            }
        }
        double bestRecall = rows.stream().mapToDouble(r -> r[3]).max().orElse(0);
        double[] chosen = rows.stream().filter(r -> r[3] >= bestRecall - 1e-9)
                .max(java.util.Comparator.<double[]>comparingDouble(r -> r[2]).thenComparingDouble(r -> r[4])).orElseThrow();
        System.out.printf(Locale.ROOT, "%nchosen by the rule: similarity %.2f, same place %.2f (purity %.3f, twin recall %.3f, stability %.2f); "
                        + "half-years: %s%n", chosen[0], chosen[1], chosen[2], chosen[3], chosen[4],
                halves.keySet().stream().sorted().map(k -> k + " (" + halves.get(k).size() + ")").toList());
    }

    /**
     * The place finders compared on the same messages: how many subjects each gives a place, and how often reply
     * twins (one issue, by the department's judgement) get the same place. HanLP's finder against the character
     * patterns the surge detector used before it.
     */
    private static void comparePlaceFinders(List<HotIssueRanking.Analysed> replied, List<HotIssueRanking.Analysed> unlabelled,
                                            Map<String, String> replyOf) {
        List<HotIssueRanking.Analysed> all = new ArrayList<>(replied);
        all.addAll(unlabelled);
        long hanlp = all.stream().filter(a -> a.place() != null && !a.place().group()).count();
        long patterns = all.stream().filter(a -> patternPlace(a).isPresent()).count();
        Map<String, List<HotIssueRanking.Analysed>> twins = replied.stream().filter(a -> replyOf.get(a.message().id()) != null)
                .collect(Collectors.groupingBy(a -> replyOf.get(a.message().id())));
        int pairs = 0;
        int sameHanlp = 0;
        int samePatterns = 0;
        for (List<HotIssueRanking.Analysed> group : twins.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    pairs++;
                    var a = group.get(i);
                    var b = group.get(j);
                    sameHanlp += a.place() != null && a.place().sameAs(b.place()) ? 1 : 0;
                    var pa = patternPlace(a);
                    var pb = patternPlace(b);
                    samePatterns += pa.isPresent() && pa.equals(pb) ? 1 : 0;
                }
            }
        }
        System.out.println("| place finder | subjects with a place | twin pairs given one same place |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| HanLP words + kinds of place (PlaceFinder) | %d of %d (%.0f %%) | %d of %d |%n", hanlp, all.size(),
                100.0 * hanlp / all.size(), sameHanlp, pairs);
        System.out.printf(Locale.ROOT, "| character patterns (PlaceNames.estate) | %d of %d (%.0f %%) | %d of %d |%n%n", patterns, all.size(),
                100.0 * patterns / all.size(), samePatterns, pairs);
    }

    private static java.util.Optional<String> patternPlace(HotIssueRanking.Analysed a) {
        String body = a.message().body();
        return io.wenzheng.analytics.hotspot.PlaceNames.estate(a.message().subject())
                .or(() -> io.wenzheng.analytics.hotspot.PlaceNames.estate(body.length() <= 160 ? body : body.substring(0, 160)));
    }

    private static double purity(HotIssueRanking ranking, List<Labelled> fold) {
        Map<String, String> category = new HashMap<>();
        List<HotIssueRanking.Analysed> analysed = new ArrayList<>();
        for (Labelled l : fold) {
            category.put(l.analysed().message().id(), l.category());
            analysed.add(l.analysed());
        }
        long same = 0;
        long all = 0;
        for (HotIssue issue : ranking.rankAnalysed(analysed)) {
            Map<String, Long> counts = issue.messageIds().stream().collect(Collectors.groupingBy(category::get, Collectors.counting()));
            long n = issue.messageIds().size();
            all += n * (n - 1) / 2;
            for (long c : counts.values()) {
                same += c * (c - 1) / 2;
            }
        }
        return all == 0 ? 1 : (double) same / all;
    }

    private static int[] twinRecall(HotIssueRanking ranking, List<HotIssueRanking.Analysed> slice, Map<String, String> replyOf) {
        Map<String, Integer> issueOf = new HashMap<>();
        List<HotIssue> issues = ranking.rankAnalysed(slice);
        for (int i = 0; i < issues.size(); i++) {
            for (String id : issues.get(i).messageIds()) {
                issueOf.put(id, i);
            }
        }
        Map<String, List<String>> twins = slice.stream().map(a -> a.message().id()).filter(id -> replyOf.get(id) != null)
                .collect(Collectors.groupingBy(replyOf::get));
        int together = 0;
        int pairs = 0;
        for (List<String> group : twins.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    pairs++;
                    Integer a = issueOf.get(group.get(i));
                    if (a != null && a.equals(issueOf.get(group.get(j)))) {
                        together++;
                    }
                }
            }
        }
        return new int[] {together, pairs};
    }

    private static double stability(HotIssueRanking ranking, List<HotIssueRanking.Analysed> half) {
        double sum = 0;
        int runs = 0;
        for (long seed = 1; seed <= 5; seed++) {
            List<HotIssueRanking.Analysed> a = sample(half, seed * 2);
            List<HotIssueRanking.Analysed> b = sample(half, seed * 2 + 1);
            Set<String> inA = a.stream().map(x -> x.message().id()).collect(Collectors.toSet());
            Set<String> inB = b.stream().map(x -> x.message().id()).collect(Collectors.toSet());
            List<HotIssue> topA = top(ranking.rankAnalysed(a));
            List<HotIssue> topB = top(ranking.rankAnalysed(b));
            if (topA.isEmpty()) {
                continue;
            }
            int matched = 0;
            for (HotIssue x : topA) {
                Set<String> shared = x.messageIds().stream().filter(inB::contains).collect(Collectors.toSet());
                boolean found = topB.stream().anyMatch(y -> y.messageIds().stream().filter(inA::contains).anyMatch(shared::contains));
                matched += found ? 1 : 0;
            }
            sum += (double) matched / topA.size();
            runs++;
        }
        return runs == 0 ? 0 : sum / runs;
    }

    private static List<HotIssue> top(List<HotIssue> ranking) {
        return ranking.subList(0, Math.min(10, ranking.size()));
    }

    private static List<HotIssueRanking.Analysed> sample(List<HotIssueRanking.Analysed> all, long seed) {
        List<HotIssueRanking.Analysed> copy = new ArrayList<>(all);
        Collections.shuffle(copy, new Random(seed));
        return copy.subList(0, (int) (copy.size() * 0.8));
    }

    private static String replyKey(String reply) {
        String text = reply.replaceAll("\\s", "").replaceFirst("^.{0,30}?(您好|你好)[！!，,：:。]?", "");
        return text.length() < 60 ? null : text.substring(0, 60);
    }

    private static int year(Instant t) {
        return ZonedDateTime.ofInstant(t, MessageTable.CITY).getYear();
    }

    private static int month(Instant t) {
        return ZonedDateTime.ofInstant(t, MessageTable.CITY).getMonthValue();
    }

    private static void progress(String file, int n) {
        if (n % 1000 == 0) {
            System.err.printf("  %s: %,d analysed%n", file, n);
        }
    }

    private static List<String[]> rows(Path file, String... columns) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = Arrays.asList(in.readLine().split("\t", -1));
            int[] at = Arrays.stream(columns).mapToInt(header::indexOf).toArray();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length < header.size()) {
                    continue;
                }
                out.add(Arrays.stream(at).mapToObj(i -> f[i]).toArray(String[]::new));
            }
        }
        return out;
    }
}
