package io.wenzheng.devstack.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** Loopback port helpers. */
public final class Ports {
    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void awaitListening(int port, Duration timeout, Process owner, String what) {
        Instant until = Instant.now().plus(timeout);
        while (!listening(port)) {
            if (owner != null && !owner.isAlive()) {
                throw new IllegalStateException(what + " exited with code " + owner.exitValue() + " before listening on " + port);
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException(what + " did not listen on port " + port + " within " + timeout);
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Who listens on a port, read from /proc as {@code ss -ltnp} would: "pid 4242 (java -jar quarkus-run.jar)", or a
     * plain statement when the holder belongs to another user or the system has no /proc.
     */
    public static java.util.Optional<String> holder(int port) {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        for (String table : java.util.List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(table)).stream().skip(1).toList()) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[3].equals("0A")
                            && Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // no such table here
            }
        }
        if (inodes.isEmpty()) {
            return listening(port) ? java.util.Optional.of("a process this machine does not say") : java.util.Optional.empty();
        }
        try (var pids = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path proc : pids.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try (var fds = java.nio.file.Files.list(proc.resolve("fd"))) {
                    for (java.nio.file.Path fd : fds.toList()) {
                        if (inodes.contains(String.valueOf(java.nio.file.Files.readSymbolicLink(fd)))) {
                            long pid = Long.parseLong(proc.getFileName().toString());
                            String command = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?");
                            return java.util.Optional.of("pid " + pid + " (" + (command.length() > 100 ? command.substring(0, 100) + " ..." : command) + ")");
                        }
                    }
                } catch (IOException | RuntimeException noAccess) {
                    // another user's process
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        return java.util.Optional.of("a process of another user");
    }
}
