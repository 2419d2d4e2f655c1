package io.wenzheng.devstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Keeps track of the processes the dev stack starts, so that none outlives its owner.
 *
 * <p>Each child gets a pid file in the stack's work directory and a tiny shell watchdog that stops it when the
 * owning JVM disappears, even by SIGKILL, when no shutdown hook runs. A later start reads the pid files and stops
 * whatever a crashed run left behind.
 */
public final class ChildProcesses {
    private static final Logger LOG = Logger.getLogger(ChildProcesses.class.getName());

    private final Path pidDir;

    public ChildProcesses(Path workDir) {
        this.pidDir = workDir.resolve("pids");
    }

    /** Records the child and arms a watchdog that sends {@code signal} to it if this JVM dies first. */
    public void adopt(String name, long pid, String signal, String marker) {
        record(name, pid, marker);
        try {
            long owner = ProcessHandle.current().pid();
            String script = "while kill -0 " + owner + " 2>/dev/null && kill -0 " + pid + " 2>/dev/null; do sleep 1; done; "
                    + "if kill -0 " + pid + " 2>/dev/null; then kill -" + signal + " " + pid + "; "
                    + "for i in $(seq 1 30); do kill -0 " + pid + " 2>/dev/null || exit 0; sleep 1; done; kill -9 " + pid + "; fi";
            new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot record child process " + name, e);
        }
    }

    /** Writes a pid file only; {@code marker} must appear in the process's command line for it to be recognised later. */
    public void record(String name, long pid, String marker) {
        try {
            Files.createDirectories(pidDir);
            Files.writeString(pidFile(name), pid + "\n" + marker + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write pid file for " + name, e);
        }
    }

    public void forget(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            LOG.warning("cannot remove pid file " + name + ": " + e);
        }
    }

    /** Stops every recorded process that is still alive and still the one we started (its command line names the marker). */
    public int reapLeftovers() {
        if (!Files.isDirectory(pidDir)) {
            return 0;
        }
        int reaped = 0;
        try (var files = Files.list(pidDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                Optional<ProcessHandle> leftover = recorded(file);
                if (leftover.isPresent() && leftover.get().pid() == ProcessHandle.current().pid()) {
                    continue; // the launcher records itself before it starts the stack
                }
                if (leftover.isPresent()) {
                    LOG.warning("stopping " + file.getFileName() + " (pid " + leftover.get().pid() + ") left by an earlier run");
                    stop(leftover.get(), Duration.ofSeconds(20));
                    reaped++;
                }
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read pid files in " + pidDir, e);
        }
        return reaped;
    }

    /** The live processes recorded under this work directory. */
    public java.util.Map<String, Long> alive() {
        var result = new java.util.TreeMap<String, Long>();
        if (!Files.isDirectory(pidDir)) {
            return result;
        }
        try (var files = Files.list(pidDir)) {
            files.filter(f -> f.toString().endsWith(".pid")).forEach(f -> recorded(f).ifPresent(
                    h -> result.put(f.getFileName().toString().replace(".pid", ""), h.pid())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    public static void stop(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeout) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                LOG.warning("process " + process.pid() + " did not stop");
            }
        }
    }

    private Optional<ProcessHandle> recorded(Path file) {
        try {
            var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).trim());
            String marker = lines.size() > 1 ? lines.get(1).trim() : "";
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> commandLineContains(pid, marker));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean commandLineContains(long pid, String marker) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').contains(marker);
        } catch (IOException e) {
            return false;
        }
    }

    private Path pidFile(String name) {
        return pidDir.resolve(name + ".pid");
    }
}
