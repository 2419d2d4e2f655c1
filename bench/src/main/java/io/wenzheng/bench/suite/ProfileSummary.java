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
 * The hot spots of a profile (a JFR recording, or async-profiler's collapsed stacks): the libraries and methods most
 * often on top of the stack (where the CPU is), and the suite's own methods most often anywhere on it (which of our
 * code paths pays for that).
 */
final class ProfileSummary {
    private ProfileSummary() {
    }

    static String of(Path recording, int rows) throws IOException {
        Tally tally = new Tally();
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            List<String> topDown = frames.stream().map(ProfileSummary::name).toList();
            tally.add(null, topDown, library(frames), 1);
        }
        return String.format("JFR execution samples (Java code only; threads in native code or the JVM are not sampled)%n%n")
                + tally.render(rows);
    }

    /**
     * The same tables from async-profiler's collapsed stacks ({@code [thread tid=n];root;...;leaf count}, one line per
     * distinct stack), which count CPU time on every thread, in Java code or not, plus a table of threads.
     */
    static String ofCollapsed(Path stacks, int rows) throws IOException {
        Tally tally = new Tally();
        try (var lines = Files.lines(stacks)) {
            lines.forEach(line -> {
                int space = line.lastIndexOf(' ');
                if (space <= 0) {
                    return;
                }
                long weight = Long.parseLong(line.substring(space + 1).strip());
                List<String> frames = new java.util.ArrayList<>(List.of(line.substring(0, space).split(";")));
                String thread = frames.get(0).startsWith("[") ? threadGroup(frames.remove(0)) : null;
                List<String> topDown = new java.util.ArrayList<>(frames.size());
                for (int i = frames.size() - 1; i >= 0; i--) {
                    topDown.add(collapsedName(frames.get(i)));
                }
                tally.add(thread, topDown, collapsedLibrary(frames), weight);
            });
        }
        return String.format("async-profiler, CPU time of every thread (Java, the JVM's own and native code), every 10 ms%n%n")
                + tally.render(rows);
    }

    /** Threads of one pool count together: {@code [vert.x-eventloop-thread-1 tid=4711]} is {@code vert.x-eventloop-thread-N}. */
    static String threadGroup(String frame) {
        String name = frame.substring(1, frame.endsWith("]") ? frame.length() - 1 : frame.length()).replaceAll("(^| )tid=\\d+$", "");
        return name.isBlank() ? "threads without a name (the JVM's own)" : name.replaceAll("\\d+", "N");
    }

    /** A Java frame of a collapsed stack ({@code io/vertx/core/Foo.bar}) in the JFR tables' form; others as they are. */
    static String collapsedName(String frame) {
        if (!javaFrame(frame)) {
            return frame;
        }
        String dotted = frame.replace('/', '.');
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? dotted : name(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    /** Java frames name a class by its path; the JVM's and native frames do not ({@code Interpreter}, {@code __GI_write}, {@code /usr/lib/...}). */
    static boolean javaFrame(String frame) {
        return frame.indexOf('/') > 0 && !frame.contains("::") && !frame.contains(" ");
    }

    /** {@link #library(List)} for a collapsed stack (root first); a stack with no Java frame is the JVM's or native. */
    static String collapsedLibrary(List<String> rootFirst) {
        List<String> javaTypesTopDown = new java.util.ArrayList<>();
        for (int i = rootFirst.size() - 1; i >= 0; i--) {
            String frame = rootFirst.get(i);
            if (javaFrame(frame)) {
                String dotted = frame.replace('/', '.');
                javaTypesTopDown.add(dotted.substring(0, Math.max(0, dotted.lastIndexOf('.'))));
            }
        }
        return javaTypesTopDown.isEmpty() ? "the JVM (JIT compiler, garbage collector, VM) and native code" : libraryOfTypes(javaTypesTopDown);
    }

    /** Samples by thread, by library, by top frame and by the suite's methods on the stack. */
    private static final class Tally {
        final Map<String, Long> threads = new HashMap<>();
        final Map<String, Long> self = new HashMap<>();
        final Map<String, Long> ours = new HashMap<>();
        final Map<String, Long> libraries = new HashMap<>();
        long samples;

        void add(String thread, List<String> topDown, String library, long weight) {
            if (topDown.isEmpty()) {
                return;
            }
            samples += weight;
            if (thread != null) {
                threads.merge(thread, weight, Long::sum);
            }
            self.merge(topDown.get(0), weight, Long::sum);
            libraries.merge(library, weight, Long::sum);
            Set<String> seen = new HashSet<>();
            for (String n : topDown) {
                if (n.startsWith("io.wenzheng.") && !generated(n) && seen.add(n)) {
                    ours.merge(n, weight, Long::sum);
                }
            }
        }

        String render(int rows) {
            double total = Math.max(1, samples);
            StringBuilder out = new StringBuilder(String.format("%,d CPU samples%n", samples));
            if (!threads.isEmpty()) {
                out.append(String.format("%n| threads | share |%n|---|---:|%n"));
                top(threads, rows).forEach(en -> out.append(String.format("| `%s` | %.1f %% |%n", en.getKey(), 100.0 * en.getValue() / total)));
            }
            out.append(String.format("%n| library at work (the first frame from the top outside the JDK) | share |%n|---|---:|%n"));
            top(libraries, rows).forEach(en -> out.append(String.format("| `%s` | %.1f %% |%n", en.getKey(), 100.0 * en.getValue() / total)));
            out.append(String.format("%n| on top of the stack | share |%n|---|---:|%n"));
            top(self, rows).forEach(en -> out.append(String.format("| `%s` | %.1f %% |%n", en.getKey(), 100.0 * en.getValue() / total)));
            out.append(String.format("%n| the suite's code, anywhere on the stack | share |%n|---|---:|%n"));
            top(ours, rows).forEach(en -> out.append(String.format("| `%s` | %.1f %% |%n", en.getKey(), 100.0 * en.getValue() / total)));
            return out.toString();
        }
    }

    static Map<String, String> ofDirectory(Path directory, int rows) throws IOException {
        Map<String, String> summaries = new java.util.TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return summaries;
        }
        try (var files = Files.list(directory)) {
            for (Path f : files.sorted().toList()) {
                if (f.toString().endsWith(".jfr")) {
                    summaries.put(f.getFileName().toString(), of(f, rows));
                } else if (f.toString().endsWith(".collapsed")) {
                    summaries.put(f.getFileName().toString(), ofCollapsed(f, rows));
                }
            }
        }
        return summaries;
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int rows) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                .collect(Collectors.toList());
    }

    /**
     * Which library the CPU was working for: the package (three parts of its name) of the first frame from the top
     * that is not the JDK's. A string compare or a hash-map lookup is charged to whoever asked for it.
     */
    static String library(List<RecordedFrame> frames) {
        return libraryOfTypes(frames.stream().map(f -> f.getMethod().getType().getName()).toList());
    }

    /** {@link #library(List)} for the Java frames' types of a stack, top first. */
    private static String libraryOfTypes(List<String> typesTopDown) {
        for (String type : typesTopDown) {
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
