package io.wenzheng.bench.suite;

import io.wenzheng.devstack.process.ProcessMemory;
import io.wenzheng.devstack.suite.ServiceName;
import io.wenzheng.devstack.suite.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Each service's resident memory, sampled every second (the benchmark keeps the highest), and CPU time: each
 * service's and the whole machine's, so a phase can say how much CPU a petition costs and where it goes.
 */
final class Resources implements AutoCloseable {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /**
     * CPU seconds used during a stretch of time: by each service, by this bench (its load generator and the consumer
     * that times the stages run on the same machine), and by the whole machine. {@code collectors} is the part of each
     * service's spent by the JVM's VM thread and GC threads: with the serial collector of the production flags, every
     * collection runs on the VM thread, so this is the collector's cost (plus the JVM's other safepoint work).
     */
    record Cpu(Map<ServiceName, Double> services, Map<ServiceName, Double> collectors, double bench, double machine, double wallSeconds) {
        /** Everything but the services and the bench: Kafka, PostgreSQL, Keycloak, the system. */
        double others() {
            return machine - bench - services.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private final Suite suite;
    private final Map<ServiceName, Long> peakKb = new EnumMap<>(ServiceName.class);
    private final Thread sampler;
    private volatile boolean running = true;

    Resources(Suite suite) {
        this.suite = suite;
        sampler = new Thread(() -> {
            while (running) {
                for (ServiceName s : ServiceName.values()) {
                    long kb = ProcessMemory.rssKb(suite.service(s).pid()).orElse(0);
                    synchronized (peakKb) {
                        peakKb.merge(s, kb, Math::max);
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    Map<ServiceName, Long> peakMegabytes() {
        Map<ServiceName, Long> mb = new EnumMap<>(ServiceName.class);
        synchronized (peakKb) {
            peakKb.forEach((s, kb) -> mb.put(s, kb / 1024));
        }
        return mb;
    }

    /** A reading of the CPU counters now; the difference of two readings is a {@link Cpu}. */
    long[] cpuTicks() {
        int n = ServiceName.values().length;
        long[] ticks = new long[2 * n + 3];
        for (ServiceName s : ServiceName.values()) {
            ticks[s.ordinal()] = processTicks(suite.service(s).pid());
            ticks[n + 3 + s.ordinal()] = collectorTicks(suite.service(s).pid());
        }
        ticks[n] = machineBusyTicks();
        ticks[n + 1] = System.nanoTime();
        ticks[n + 2] = processTicks(ProcessHandle.current().pid());
        return ticks;
    }

    static Cpu between(long[] before, long[] after) {
        int n = ServiceName.values().length;
        Map<ServiceName, Double> services = new EnumMap<>(ServiceName.class);
        Map<ServiceName, Double> collectors = new EnumMap<>(ServiceName.class);
        for (ServiceName s : ServiceName.values()) {
            services.put(s, (after[s.ordinal()] - before[s.ordinal()]) / TICKS_PER_SECOND);
            collectors.put(s, (after[n + 3 + s.ordinal()] - before[n + 3 + s.ordinal()]) / TICKS_PER_SECOND);
        }
        return new Cpu(services, collectors, (after[n + 2] - before[n + 2]) / TICKS_PER_SECOND,
                (after[n] - before[n]) / TICKS_PER_SECOND, (after[n + 1] - before[n + 1]) / 1e9);
    }

    static long processTicks(long pid) {
        return ticksOf(Path.of("/proc/" + pid + "/stat"));
    }

    /** The CPU ticks of a process's VM thread and GC threads (as the JVM names them in /proc/pid/task/tid/comm). */
    static long collectorTicks(long pid) {
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.filter(task -> isCollector(readComm(task))).mapToLong(task -> ticksOf(task.resolve("stat"))).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static boolean isCollector(String threadName) {
        return threadName.equals("VM Thread") || threadName.startsWith("GC Thread") || threadName.startsWith("G1 ");
    }

    private static String readComm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static long ticksOf(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
