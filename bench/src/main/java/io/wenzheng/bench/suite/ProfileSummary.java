package io.wenzheng.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hot spots of a JFR recording: the methods most often on top of the stack (where the CPU is), and the suite's
 * own methods most often anywhere on it (which of our code paths pays for that).
 */
final class ProfileSummary {
    private ProfileSummary() {
    }

    static String of(Path recording, int rows) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (n.startsWith("io.wenzheng.") && seen.add(n)) {
                    ours.merge(n, 1, Integer::sum);
                }
            }
        }
        int total = Math.max(1, samples);
        StringBuilder out = new StringBuilder(String.format("%,d CPU samples%n%n| on top of the stack | share |%n|---|---:|%n", samples));
        top(self, rows).forEach(en -> out.append(String.format("| `%s` | %.1f %% |%n", en.getKey(), 100.0 * en.getValue() / total)));
        out.append(String.format("%n| the suite's code, anywhere on the stack | share |%n|---|---:|%n"));
        top(ours, rows).forEach(en -> out.append(String.format("| `%s` | %.1f %% |%n", en.getKey(), 100.0 * en.getValue() / total)));
        return out.toString();
    }

    static Map<String, String> ofDirectory(Path directory, int rows) throws IOException {
        Map<String, String> summaries = new java.util.TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return summaries;
        }
        try (var files = Files.list(directory)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jfr")).toList()) {
                summaries.put(f.getFileName().toString(), of(f, rows));
            }
        }
        return summaries;
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int rows) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .collect(Collectors.toList());
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
