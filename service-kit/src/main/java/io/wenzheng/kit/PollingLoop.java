package io.wenzheng.kit;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a reactive task again and again, each round on a fresh Vert.x duplicated context (what Hibernate Reactive
 * needs), with a delay chosen from the round's result. Quarkus' scheduler cannot go below one second; the outbox
 * relay needs 100 ms, and a busy loop must be able to go again at once.
 */
public final class PollingLoop<T> {
    private static final Logger LOG = Logger.getLogger(PollingLoop.class);

    private final Vertx vertx;
    private final String name;
    private final Supplier<Uni<T>> task;
    private final Function<T, Duration> nextDelay;
    private final Duration afterFailure;
    private volatile boolean running;
    private boolean inRound;
    private boolean wakeRequested;
    private boolean wakeScheduled;
    private Duration wakeGap = Duration.ZERO;
    private long timer = -1;
    private long lastRoundStart = System.nanoTime();

    public PollingLoop(Vertx vertx, String name, Supplier<Uni<T>> task, Function<T, Duration> nextDelay, Duration afterFailure) {
        this.vertx = vertx;
        this.name = name;
        this.task = task;
        this.nextDelay = nextDelay;
        this.afterFailure = afterFailure;
    }

    public void start() {
        running = true;
        schedule(Duration.ZERO);
    }

    public void stop() {
        running = false;
    }

    /**
     * Runs the next round soon instead of after the chosen delay: there is work. Rounds still start at least
     * {@code gap} apart, so that a stream of wake-ups is served in batches. A round in progress goes again when it ends.
     */
    public synchronized void wakeUp(Duration gap) {
        if (!running) {
            return;
        }
        if (inRound) {
            wakeRequested = true;
            wakeGap = gap;
        } else if (timer != -1 && !wakeScheduled && vertx.cancelTimer(timer)) {
            long wait = gap.toNanos() - (System.nanoTime() - lastRoundStart);
            wakeScheduled = true;
            timer = wait <= 0 ? -1 : vertx.setTimer(Math.max(1, wait / 1_000_000), ignored -> round());
            if (wait <= 0) {
                vertx.runOnContext(ignored -> round());
            }
        }
    }

    private synchronized void schedule(Duration delay) {
        inRound = false;
        if (!running) {
            return;
        }
        if (wakeRequested && !delay.isZero()) {
            delay = wakeGap.compareTo(delay) < 0 ? wakeGap : delay;
        }
        wakeRequested = false;
        if (delay.isZero()) {
            timer = -1;
            vertx.runOnContext(ignored -> round());
        } else {
            timer = vertx.setTimer(Math.max(1, delay.toMillis()), ignored -> round());
        }
    }

    private void round() {
        synchronized (this) {
            if (!running || inRound) {
                return;
            }
            inRound = true;
            wakeScheduled = false;
            timer = -1;
            lastRoundStart = System.nanoTime();
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> task.get().subscribe().with(
                result -> schedule(nextDelay.apply(result)),
                failure -> {
                    LOG.warnf("%s round failed, retrying in %s: %s", name, afterFailure, failure.toString());
                    schedule(afterFailure);
                }));
    }
}
