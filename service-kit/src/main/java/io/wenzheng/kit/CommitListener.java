package io.wenzheng.kit;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Wakes a polling loop when a transaction that gave it work commits: a trigger raises {@code NOTIFY channel}, which
 * PostgreSQL delivers only at commit and folds within one transaction. While it hears the channel, the loop may poll
 * rarely; {@link #listening()} says whether it does, and a lost connection makes it false until the channel is
 * subscribed again (the loop is then woken for what was committed meanwhile).
 */
public final class CommitListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CommitListener.class);
    private static final long RECONNECT_MS = 2_000;

    private final PgSubscriber subscriber;
    private volatile boolean listening;

    private CommitListener(Vertx vertx, PgConnectOptions options, String channel, PollingLoop<?> loop, Duration gap) {
        subscriber = PgSubscriber.subscriber(vertx, options)
                // Asked on every lost connection and failed attempt: until the channel is subscribed again, poll often.
                .reconnectPolicy(retries -> {
                    listening = false;
                    return RECONNECT_MS;
                });
        subscriber.channel(channel)
                .subscribeHandler(subscribed -> {
                    listening = true;
                    loop.wakeUp(Duration.ZERO);
                })
                .handler(ignored -> loop.wakeUp(gap));
        subscriber.connect().onFailure(e -> LOG.debugf("%s listener not connected yet: %s", channel, e.toString()));
    }

    /**
     * Listens on the service's own database (its reactive datasource); empty when none is configured.
     *
     * @param gap the shortest time between rounds woken by commits, so that a stream of commits is served in batches
     */
    public static Optional<CommitListener> start(Vertx vertx, String channel, PollingLoop<?> loop, Duration gap) {
        var config = ConfigProvider.getConfig();
        Optional<String> url = config.getOptionalValue("quarkus.datasource.reactive.url", String.class);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get().replaceFirst("^vertx-reactive:", ""));
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        return Optional.of(new CommitListener(vertx, options, channel, loop, gap));
    }

    public boolean listening() {
        return listening;
    }

    @Override
    public void close() {
        subscriber.close();
    }
}
