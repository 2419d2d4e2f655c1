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
 * The hot spots of a JFR recording: the libraries and methods most often on top of the stack (where the CPU is), and
 * the suite's own methods most often anywhere on it (which of our code paths pays for that).
 */
final class ProfileSummary {
    private ProfileSummary() {
    }

    static String of(Path recording, int rows) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
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
            libraries.merge(library(frames), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (n.startsWith("io.wenzheng.") && !generated(n) && seen.add(n)) {
                    ours.merge(n, 1, Integer::sum);
                }
            }
        }
        int total = Math.max(1, samples);
        StringBuilder out = new StringBuilder(String.format("%,d CPU samples%n%n| library at work (the first frame from the top outside the JDK) | share |%n|---|---:|%n", samples));
        top(libraries, rows).forEach(en -> out.append(String.format("| `%s` | %.1f %% |%n", en.getKey(), 100.0 * en.getValue() / total)));
        out.append(String.format("%n| on top of the stack | share |%n|---|---:|%n"));
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

    /**
     * Which library the CPU was working for: the package (three parts of its name) of the first frame from the top
     * that is not the JDK's. A string compare or a hash-map lookup is charged to whoever asked for it.
     */
    static String library(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (!jdk(type)) {
                return type.startsWith("io.wenzheng.") ? "io.wenzheng (the suite's own code)" : packagePrefix(type, 3);
            }
        }
        return "the JDK alone";
    }

    static String packagePrefix(String type, int parts) {
        int end = -1;
        for (int i = 0; i < parts; i++) {
            int dot = type.indexOf('.', end + 1);
            if (dot < 0) {
                return end < 0 ? type : type.substring(0, end);
            }
            end = dot;
        }
        return type.substring(0, end);
    }

    private static boolean jdk(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("com.sun.");
    }

    /** Lambdas, CDI proxies and subclasses, generated invokers: they repeat the method that names the path. */
    static boolean generated(String method) {
        return method.contains("$$Lambda") || method.contains("_Subclass") || method.contains("_ClientProxy")
                || method.contains("$quarkusrestinvoker$") || method.contains("_SmallRyeMessagingInvoker_");
    }

    private static String name(RecordedFrame f) {
        return name(f.getMethod().getType().getName(), f.getMethod().getName());
    }

    /** A lambda is charged to the method that wrote it: {@code lambda$apply$2} is {@code apply}. */
    static String name(String type, String method) {
        if (method.startsWith("lambda$")) {
            int end = method.indexOf('$', "lambda$".length());
            method = method.substring("lambda$".length(), end < 0 ? method.length() : end);
        }
        return type + "." + method;
    }
}
