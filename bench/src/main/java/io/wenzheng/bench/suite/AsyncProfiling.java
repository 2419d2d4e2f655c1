package io.wenzheng.bench.suite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * async-profiler (Apache-2.0, from Maven Central) as the bench's profiler where it runs: Linux on x86-64. It samples
 * the CPU time of every thread, Java or not (setitimer, so no perf_events permission is needed). JFR's execution
 * samples see only threads running Java code, a few per period: in the 2026-12-07 bench they gave intake's Kafka
 * consumer threads 7% of the samples while those threads used about 30% of its CPU.
 */
final class AsyncProfiling {
    private static final String LIBRARY = "linux-x64/libasyncProfiler.so";

    private AsyncProfiling() {
    }

    /** The agent library, copied out of its jar into {@code directory}; empty where it does not run. */
    static Optional<Path> library(Path directory) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.empty();
        }
        try (InputStream in = AsyncProfiling.class.getClassLoader().getResourceAsStream(LIBRARY)) {
            if (in == null) {
                return Optional.empty();
            }
            Files.createDirectories(directory);
            Path target = directory.resolve("libasyncProfiler.so");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(target);
        }
    }

    /**
     * The JVM option that profiles a service from its start to its exit: CPU time every 10 ms, stacks per thread,
     * written as collapsed stacks named by the process id, as the summary and the report expect.
     */
    static String agentOption(Path library, Path profiles) {
        return "-agentpath:" + library + "=start,event=itimer,interval=10ms,threads,file=" + profiles.resolve("profile-pid-%p-cpu.collapsed");
    }
}
