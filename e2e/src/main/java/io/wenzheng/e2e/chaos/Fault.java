package io.wenzheng.e2e.chaos;

import io.wenzheng.devstack.DevStack;
import io.wenzheng.devstack.suite.ServiceName;
import io.wenzheng.devstack.suite.Suite;
import java.time.Duration;
import java.time.Instant;

/** A crash the harness inflicts, and how the suite is brought back afterwards, as an orchestrator would. */
sealed interface Fault {
    /** What is crashed: two faults on the same target never overlap. */
    String target();

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void crash(DevStack stack, Suite suite);

    /** Starts the target again on the same data, retrying as Kubernetes would restart a crash-looping pod. */
    void restart(DevStack stack, Suite suite, Duration timeout);

    default boolean infrastructure() {
        return !(this instanceof KillService);
    }

    record KillService(ServiceName service) implements Fault {
        @Override
        public String target() {
            return service.id();
        }

        @Override
        public void crash(DevStack stack, Suite suite) {
            suite.service(service).kill();
        }

        @Override
        public void restart(DevStack stack, Suite suite, Duration timeout) {
            Instant until = Instant.now().plus(timeout);
            while (true) {
                try {
                    // A service that starts while PostgreSQL is down fails its migrations and exits, like a pod would.
                    suite.restart(service, Duration.between(Instant.now(), until));
                    return;
                } catch (IllegalStateException e) {
                    if (Instant.now().plusSeconds(2).isAfter(until)) {
                        throw e;
                    }
                    sleep(Duration.ofSeconds(2));
                }
            }
        }
    }

    record KillBroker() implements Fault {
        @Override
        public String target() {
            return "kafka";
        }

        @Override
        public void crash(DevStack stack, Suite suite) {
            stack.kafka().kill();
        }

        @Override
        public void restart(DevStack stack, Suite suite, Duration timeout) {
            stack.kafka().restart();
        }
    }

    record KillDatabase() implements Fault {
        @Override
        public String target() {
            return "postgresql";
        }

        @Override
        public void crash(DevStack stack, Suite suite) {
            stack.postgres().kill();
        }

        @Override
        public void restart(DevStack stack, Suite suite, Duration timeout) {
            stack.postgres().restart();
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
