package io.wenzheng.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {

    @Test
    void theCollectorsThreadsAreTheVmThreadAndTheGcThreadsByTheirJvmNames() {
        assertThat(Resources.isCollector("VM Thread")).isTrue();
        assertThat(Resources.isCollector("GC Thread#0")).isTrue();
        assertThat(Resources.isCollector("G1 Conc#0")).isTrue();
        assertThat(Resources.isCollector("vert.x-eventloop-thread-0")).isFalse();
        assertThat(Resources.isCollector("VM Periodic Tas")).isFalse();
    }

    @Test
    void aProcessThatCollectsShowsItsCollectorsCpuWithinItsOwn() {
        long pid = ProcessHandle.current().pid();
        long before = Resources.collectorTicks(pid);
        // A live set worth copying, collected until the collector has spent at least one tick (10 ms) more.
        List<long[]> live = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            live.add(new long[16_384]);
        }
        long after = before;
        for (int round = 0; round < 200 && after == before; round++) {
            System.gc();
            after = Resources.collectorTicks(pid);
        }
        assertThat(live).hasSize(400);
        assertThat(after).as("the VM and GC threads' ticks grow as the JVM collects").isGreaterThan(before);

        long collectors = Resources.collectorTicks(pid);
        assertThat(Resources.processTicks(pid)).as("the collectors' ticks are part of the process's").isGreaterThanOrEqualTo(collectors);
    }
}
