package io.wenzheng.intake.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdmissionGateTest {
    @Test
    void admitsUpToTheLimitAndAgainOnceAPlaceIsGivenBack() {
        AdmissionGate gate = new AdmissionGate(3);
        List<AdmissionGate.Ticket> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(gate.tryEnter());
        }
        assertThat(held).doesNotContainNull();
        assertThat(gate.tryEnter()).as("a fourth while three are held").isNull();
        assertThat(gate.inProcess()).isEqualTo(3);
        held.get(1).release();
        assertThat(gate.inProcess()).isEqualTo(2);
        assertThat(gate.tryEnter()).isNotNull();
        assertThat(gate.tryEnter()).isNull();
    }

    @Test
    void aTicketReleasedByEveryEndOfItsRequestGivesBackOnePlace() {
        AdmissionGate gate = new AdmissionGate(2);
        AdmissionGate.Ticket ticket = gate.tryEnter();
        AdmissionGate.Ticket other = gate.tryEnter();
        ticket.release();
        ticket.release(); // the answer ended, then the connection closed
        ticket.release();
        assertThat(gate.inProcess()).as("the other request still holds its place").isEqualTo(1);
        assertThat(gate.tryEnter()).isNotNull();
        assertThat(gate.tryEnter()).isNull();
        other.release();
        assertThat(gate.inProcess()).isEqualTo(1);
    }

    @Test
    void threadsRacingForPlacesNeverHoldMoreThanTheLimit() throws Exception {
        int limit = 7;
        AdmissionGate gate = new AdmissionGate(limit);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    AdmissionGate.Ticket ticket = gate.tryEnter();
                    if (ticket != null) {
                        admitted.incrementAndGet();
                        mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        holding.decrementAndGet();
                        ticket.release();
                        ticket.release();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(mostHeld.get()).isBetween(1, limit);
        assertThat(admitted.get()).isPositive();
        assertThat(gate.inProcess()).as("every place given back").isZero();
    }

    @Test
    void aGateWithoutPlacesIsAConfigurationError() {
        assertThatThrownBy(() -> new AdmissionGate(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
