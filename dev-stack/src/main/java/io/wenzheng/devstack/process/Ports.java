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

    /** Ports this JVM has handed out: each is closed again until its user binds it, so the system may offer it twice. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A loopback port free now and never handed out before by this JVM. The suite picks its services' ports before
     * Keycloak picks its management port and binds it at once; without the memory, the system could offer Keycloak a
     * service's port, and the service's readiness check would then be answered by the wrong server.
     *
     * <p>The port is closed again until its user binds it, seconds later (a broker's JVM starts first). Taken from the
     * system's ephemeral range, as {@code bind(0)} would, it could meanwhile become the local port of any outgoing
     * connection on the machine: a parallel build's other test JVM made a Kafka controller fail to bind that way. So
     * ports come from below that range, where the system never hands out a port by itself.
     */
    public static int free() {
        int below = ephemeralRangeStart();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = below - 1000 > LOWEST ? LOWEST + random.nextInt(below - LOWEST) : systemPort();
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            } catch (IOException taken) {
                continue;
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port that was not handed out already");
    }

    /** The lowest port handed out: well above the usual fixed ones (PostgreSQL's 5432, HTTP's 8080). */
    static final int LOWEST = 10_000;

    /** The first port of the system's ephemeral range (Linux: net.ipv4.ip_local_port_range); 32768 when unknown. */
    static int ephemeralRangeStart() {
        try {
            // Read line by line: Files.readString trusts the size procfs reports and stopped after one byte.
            try (var reader = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException unknown) {
            return 32_768;
        }
    }

    private static int systemPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
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
        java.util.Set<String> sockets = listeningSockets(port);
        if (sockets.isEmpty()) {
            return listening(port) ? java.util.Optional.of("a process this machine does not say") : java.util.Optional.empty();
        }
        return java.util.Optional.of(holderPid(sockets).stream().boxed().findFirst().map(pid -> {
            String command = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?");
            return "pid " + pid + " (" + (command.length() > 100 ? command.substring(0, 100) + " ..." : command) + ")";
        }).orElse("a process of another user"));
    }

    /** The process listening on a port, when /proc says (this user's processes on Linux). */
    public static java.util.OptionalLong holderPid(int port) {
        return holderPid(listeningSockets(port));
    }

    private static java.util.Set<String> listeningSockets(int port) {
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
        return inodes;
    }

    private static java.util.OptionalLong holderPid(java.util.Set<String> sockets) {
        if (sockets.isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        try (var pids = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path proc : pids.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try (var fds = java.nio.file.Files.list(proc.resolve("fd"))) {
                    for (java.nio.file.Path fd : fds.toList()) {
                        if (sockets.contains(String.valueOf(java.nio.file.Files.readSymbolicLink(fd)))) {
                            return java.util.OptionalLong.of(Long.parseLong(proc.getFileName().toString()));
                        }
                    }
                } catch (IOException | RuntimeException noAccess) {
                    // another user's process, or one that ended while we looked
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        return java.util.OptionalLong.empty();
    }
}
