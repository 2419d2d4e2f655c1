package io.wenzheng.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void portsComeFromBelowTheEphemeralRangeAreFreeAndNeverGivenTwice() throws Exception {
        int ephemeral = Ports.ephemeralRangeStart();
        Set<Integer> given = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertThat(port).isBetween(Ports.LOWEST, ephemeral - 1);
            assertThat(given.add(port)).as("port %d given twice", port).isTrue();
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            }
        }
    }

    @Test
    void aPortSomeoneListensOnIsNotGiven() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Ports.free()), 1);
            for (int i = 0; i < 200; i++) {
                assertThat(Ports.free()).isNotEqualTo(held.getLocalPort());
            }
        }
    }
}
