package io.wenzheng.analytics.hotspot.cli;

import io.wenzheng.analytics.hotissue.HotIssue;
import io.wenzheng.analytics.hotissue.HotIssueSettings;
import io.wenzheng.analytics.hotissue.Message;
import io.wenzheng.analytics.hotspot.HotspotSettings;
import io.wenzheng.analytics.hotspot.Surge;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Markdown report of `./wenzheng hotspots`: the ranking first, then each ranked issue's messages, then surges. */
final class HotIssueReport {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(MessageTable.CITY);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(MessageTable.CITY);

    private final List<Path> files;
    private final List<Message> messages;
    private final HotIssueSettings issueSettings;
    private final HotspotSettings surgeSettings;
    private final double seconds;
    private final Map<String, Message> byId = new HashMap<>();

    HotIssueReport(List<Path> files, List<Message> messages, HotIssueSettings issueSettings, HotspotSettings surgeSettings, double seconds) {
        this.files = files;
        this.messages = messages;
        this.issueSettings = issueSettings;
        this.surgeSettings = surgeSettings;
        this.seconds = seconds;
        messages.forEach(m -> byId.putIfAbsent(m.id(), m));
    }

    void write(PrintStream md, List<HotIssue> ranking, int top, List<Surge> surges, String kept) {
        md.println("# Hot issues");
        md.println();
        md.printf("%,d messages from %s, %s to %s, ranked by `./wenzheng hotspots` in %.1f s. Settings: word similarity %.2f, "
                        + "%.2f for messages about the same place, at least %d different citizens.%n%n",
                messages.size(), files.stream().map(f -> "`" + f.getFileName() + "`").toList(), DAY.format(messages.get(0).time()),
                DAY.format(messages.get(messages.size() - 1).time()), seconds, issueSettings.similarity(), issueSettings.samePlace(),
                issueSettings.minimumCitizens());
        md.println("| rank | heat | title | place | from | to | messages | citizens | support | examples |");
        md.println("|---|---|---|---|---|---|---|---|---|---|");
        List<HotIssue> shown = ranking.subList(0, Math.min(top, ranking.size()));
        for (int i = 0; i < shown.size(); i++) {
            HotIssue h = shown.get(i);
            md.printf("| %d | %.1f | %s | %s | %s | %s | %d | %d | %d | %s |%n", i + 1, h.heat(), cell(h.title()),
                    h.place() == null ? "–" : cell(h.place().display()), DAY.format(h.first()), DAY.format(h.last()), h.messages(),
                    h.citizens(), h.support(), String.join(", ", h.messageIds().subList(0, Math.min(3, h.messageIds().size()))));
        }
        if (shown.isEmpty()) {
            md.println("| – | – | no issue was raised by " + issueSettings.minimumCitizens() + " or more citizens | – | – | – | – | – | – | – |");
        }
        md.println();
        md.println("Heat = citizens + 0.2 × (messages − citizens) + 0.5 × ln(1 + support). Each different citizen counts once;");
        md.println("a citizen's repeats add a little; likes add by their logarithm.");
        md.println();
        md.println("## The messages of each ranked issue");
        md.println();
        md.println("| rank | id | citizen | time | subject | likes |");
        md.println("|---|---|---|---|---|---|");
        for (int i = 0; i < shown.size(); i++) {
            for (String id : shown.get(i).messageIds()) {
                Message m = byId.get(id);
                md.printf("| %d | %s | %s | %s | %s | %d |%n", i + 1, cell(id), m.citizen() == null ? "–" : cell(m.citizen()),
                        MINUTE.format(m.time()), cell(m.subject()), m.likes());
            }
        }
        md.println();
        writeSurges(md, surges);
        if (!kept.isEmpty()) {
            md.println();
            md.print(kept);
        }
    }

    private void writeSurges(PrintStream md, List<Surge> surges) {
        surges.sort((a, b) -> Integer.compare(b.count(), a.count()));
        md.println("## Surges");
        md.println();
        md.printf("The same messages replayed in time order through the live service's surge detector: window %s, baseline %d "
                        + "windows, at least %d petitions, growth ×%.1f, similarity %.2f. A surge is shown at its peak.%n%n",
                surgeSettings.window(), surgeSettings.baselineWindows(), surgeSettings.minimumCount(), surgeSettings.minimumGrowth(),
                surgeSettings.similarity());
        if (surges.isEmpty()) {
            md.println("No surge.");
            return;
        }
        md.println("| # | place | window | petitions | expected | growth | example subjects |");
        md.println("|---|---|---|---|---|---|---|");
        int n = 0;
        for (Surge s : surges) {
            List<String> subjects = s.examplePetitionIds().stream().limit(3).map(i -> messages.get(Integer.parseInt(i)).subject())
                    .map(HotIssueReport::cell).toList();
            md.printf("| %d | %s | %s – %s | %d | %.2f | ×%.1f | %s |%n", ++n, s.place() == null ? "–" : s.place(),
                    DAY.format(s.firstSeen()), DAY.format(s.lastSeen()), s.count(), s.expected(), s.growth(), String.join("<br>", subjects));
        }
    }

    private static String cell(String text) {
        return text.replace("|", "/").replace("\n", " ");
    }
}
