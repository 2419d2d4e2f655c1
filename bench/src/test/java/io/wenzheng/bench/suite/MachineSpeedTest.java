package io.wenzheng.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineSpeedTest {
    @Test
    void eightTimesTheWorkTakesLonger() {
        double small = MachineSpeed.workMillis(8);
        double large = MachineSpeed.workMillis(64);
        assertThat(small).isPositive();
        assertThat(large).as("64 MB against 8 MB (%.1f ms)", small).isGreaterThan(small * 2);
    }
}
