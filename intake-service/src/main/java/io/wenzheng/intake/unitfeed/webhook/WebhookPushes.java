package io.wenzheng.intake.unitfeed.webhook;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.UnitFeedEvent;
import io.wenzheng.contracts.UnitFeedType;
import io.wenzheng.intake.IntakeConfig;
import io.wenzheng.intake.citizen.ContactVault;
import io.wenzheng.kit.CommitListener;
import io.wenzheng.kit.IdleBackoff;
import io.wenzheng.kit.PollingLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Pushes units' feeds to their webhooks. A push is queued in the transaction that put the event on the feed; this
 * loop leases due pushes, at most one per petition at a time (order per petition) and a few per unit (a slow endpoint
 * holds only its own unit's), sends them without waiting for one another, and records each outcome: delivered, to be
 * tried again later, or parked for an administrator.
 */
@ApplicationScoped
public class WebhookPushes {
    private static final Logger LOG = Logger.getLogger(WebhookPushes.class);
    private static final int BATCH = 100;
    private static final Duration PARKED_COUNT_EVERY = Duration.ofSeconds(15);
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private final IntakeConfig.Webhooks config;
    private final ContactVault vault;
    private final Clock clock;
    private final RetrySchedule retries;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private WebClient client;
    private PollingLoop<Integer> loop;
    private volatile Instant lastPurge = Instant.EPOCH;
    private volatile Instant lastParkedCount = Instant.EPOCH;
    /** Parked pushes of all units, awaiting an administrator: exported from the start, so the alert sees the first one. */
    private final java.util.concurrent.atomic.AtomicLong parked = new java.util.concurrent.atomic.AtomicLong();

    @Inject
    public WebhookPushes(IntakeConfig config, ContactVault vault, Clock clock) {
        this.config = config.webhooks();
        this.vault = vault;
        this.clock = clock;
        this.retries = new RetrySchedule(this.config.firstRetry(), this.config.longestWait(), this.config.attempts());
        io.micrometer.core.instrument.Metrics.gauge("wenzheng.webhook.pushes.parked", parked);
    }

    private io.vertx.core.Vertx vertx;
    private java.util.Optional<CommitListener> listener = java.util.Optional.empty();

    void start(@Observes StartupEvent started, io.vertx.mutiny.core.Vertx vertx) {
        this.vertx = vertx.getDelegate();
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) config.timeout().toMillis())
                .setFollowRedirects(false).setUserAgent("wenzheng-intake-webhooks").setMaxPoolSize(config.inFlightPerUnit()));
        // Queued pushes wake the loop at commit (db V11); the idle rounds find the retries that came due.
        IdleBackoff idle = new IdleBackoff(Duration.ofMillis(500), Duration.ofSeconds(2));
        loop = new PollingLoop<>(vertx.getDelegate(), "webhook pushes", this::round,
                leased -> leased > 0 ? idle.busy(Duration.ofMillis(50)) : idle.idle(), Duration.ofSeconds(2));
        listener = CommitListener.start(vertx.getDelegate(), "wenzheng_webhooks", loop, Duration.ofMillis(20));
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop();
        }
        if (client != null) {
            client.close();
        }
        listener.ifPresent(CommitListener::close);
    }

    /** Queues one push to a unit's webhook, in the caller's transaction. */
    public static Uni<Void> enqueue(String unitCode, String eventId, String source, UnitFeedEvent event, Instant at) {
        return enqueueAll(List.of(queued(unitCode, eventId, source, event, at)));
    }

    /** Queues pushes ({@link #queued}) in one statement, in the caller's transaction. */
    public static Uni<Void> enqueueAll(List<List<Object>> pushes) {
        return QUEUE.execute(pushes).replaceWithVoid();
    }

    /**
     * A pending push as {@link #enqueueAll} writes it: the feed event as a structured CloudEvent, with the id it has
     * on the unit's topic, due at once.
     */
    public static List<Object> queued(String unitCode, String eventId, String source, UnitFeedEvent event, Instant at) {
        var cloudEvent = EventJson.mapper().createObjectNode()
                .put("specversion", "1.0").put("id", eventId).put("source", source)
                .put("type", UnitFeedType.of(event).type()).put("subject", event.petitionId())
                .put("time", at.toString()).put("datacontenttype", "application/json");
        cloudEvent.set("data", EventJson.mapper().valueToTree(event));
        return java.util.Arrays.asList(unitCode, event.petitionId(), eventId, UnitFeedType.of(event).type(), cloudEvent.toString(),
                WebhookDelivery.Status.PENDING.name(), at, at);
    }

    private static final io.wenzheng.kit.sql.MultiRowStatement QUEUE = new io.wenzheng.kit.sql.MultiRowStatement(
            "insert into webhook_delivery (unit_code, petition_id, event_id, event_type, body, status, attempts, next_attempt_at, "
                    + "created_at) values ", "(?, ?, ?, ?, ?, ?, 0, ?, ?)", "");

    /** A leased push with what it needs to go out. */
    record Push(long id, String eventId, String body, String url, List<String> secrets, String unitCode) {
    }

    Uni<Integer> round() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (lastPurge.isBefore(now.minus(Duration.ofHours(1)))) {
            lastPurge = now;
            return purge(now).chain(this::round);
        }
        if (lastParkedCount.isBefore(now.minus(PARKED_COUNT_EVERY))) {
            lastParkedCount = now;
            return Panache.withSession(() -> WebhookDelivery.count("status", WebhookDelivery.Status.PARKED))
                    .invoke(parked::set).chain(this::round);
        }
        Uni<List<Push>> leased = Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select d.* from webhook_delivery d where d.status = 'PENDING' and d.next_attempt_at <= :now"
                                + " and not exists (select 1 from webhook_delivery e where e.status = 'PENDING'"
                                + " and e.unit_code = d.unit_code and e.petition_id = d.petition_id and e.id < d.id)"
                                + " order by d.id limit :n for update of d skip locked", WebhookDelivery.class)
                .setParameter("now", now).setParameter("n", BATCH).getResultList())
                .chain(due -> lease(due, now)));
        // Counted after the lease committed, and not awaited: the loop goes on while slow endpoints take their time.
        return leased.invoke(pushes -> pushes.forEach(p -> inFlight.get(p.unitCode()).incrementAndGet()))
                .invoke(pushes -> pushes.forEach(this::sendOnItsOwnContext))
                .map(List::size);
    }

    /**
     * Each push answers in its own time and records its outcome in its own transaction. Hibernate Reactive keeps a
     * session per Vert.x context, so pushes sharing the round's context would share one session concurrently
     * ("Illegal pop() with non-matching JdbcValuesSourceProcessingState"): each goes out on a context of its own.
     */
    private void sendOnItsOwnContext(Push push) {
        io.vertx.core.Context own = io.smallrye.common.vertx.VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(own, true);
        own.runOnContext(ignored -> send(push).subscribe().with(done -> { }, e -> LOG.warnf(
                "webhook push %d to %s: outcome not recorded: %s", push.id(), push.unitCode(), e.toString())));
    }

    private Uni<Void> purge(Instant now) {
        return Panache.withTransaction(() -> WebhookDelivery.delete("status = ?1 and deliveredAt < ?2",
                WebhookDelivery.Status.DELIVERED, now.minus(config.deliveredKept())))
                .invoke(n -> { if (n > 0) { LOG.infof("webhook pushes: %d delivered more than %s ago forgotten", n, config.deliveredKept()); } })
                .replaceWithVoid();
    }

    /** Takes what the per-unit limit allows, and pushes the lease forward so that no other instance sends it too. */
    private Uni<List<Push>> lease(List<WebhookDelivery> due, Instant now) {
        Map<String, Integer> taken = new HashMap<>();
        List<WebhookDelivery> chosen = new ArrayList<>();
        for (WebhookDelivery d : due) {
            int busy = inFlight.computeIfAbsent(d.unitCode, u -> new AtomicInteger()).get() + taken.getOrDefault(d.unitCode, 0);
            if (busy < config.inFlightPerUnit()) {
                taken.merge(d.unitCode, 1, Integer::sum);
                chosen.add(d);
            }
        }
        if (chosen.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant leaseEnd = now.plus(config.timeout().multipliedBy(3));
        return WebhookEndpoint.<WebhookEndpoint>list("unitCode in ?1", chosen.stream().map(d -> d.unitCode).distinct().toList())
                .map(endpoints -> {
                    Map<String, WebhookEndpoint> byUnit = new HashMap<>();
                    endpoints.forEach(e -> byUnit.put(e.unitCode, e));
                    List<Push> pushes = new ArrayList<>();
                    for (WebhookDelivery d : chosen) {
                        WebhookEndpoint endpoint = byUnit.get(d.unitCode);
                        if (endpoint == null) {
                            park(d, "no endpoint registered for " + d.unitCode, null);
                            continue;
                        }
                        d.nextAttemptAt = leaseEnd;
                        pushes.add(new Push(d.id, d.eventId, d.body, endpoint.url, secrets(endpoint, now), d.unitCode));
                    }
                    return pushes;
                });
    }

    private List<String> secrets(WebhookEndpoint endpoint, Instant now) {
        List<String> secrets = new ArrayList<>(List.of(vault.decrypt(endpoint.secretSealed)));
        if (endpoint.previousSecretSealed != null && endpoint.previousValidUntil != null && endpoint.previousValidUntil.isAfter(now)) {
            secrets.add(vault.decrypt(endpoint.previousSecretSealed));
        }
        return secrets;
    }

    private Uni<Void> send(Push push) {
        long timestamp = clock.instant().getEpochSecond();
        return client.postAbs(push.url()).timeout(config.timeout().toMillis())
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader(WebhookSignature.ID, push.eventId())
                .putHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE, WebhookSignature.header(push.secrets(), push.eventId(), timestamp, push.body()))
                .sendBuffer(Buffer.buffer(push.body()))
                .map(response -> response.statusCode())
                .onItemOrFailure().transformToUni((status, failure) -> record(push, status, failure))
                .eventually(() -> inFlight.get(push.unitCode()).decrementAndGet());
    }

    private Uni<Void> record(Push push, Integer status, Throwable failure) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> WebhookDelivery.<WebhookDelivery>findById(push.id()).invoke(d -> {
            if (d == null) {
                return; // forgotten by an administrator while it was in flight
            }
            d.attempts++;
            d.lastStatus = status;
            if (failure == null && status >= 200 && status < 300) {
                counted(d.unitCode, "delivered");
                d.status = WebhookDelivery.Status.DELIVERED;
                d.deliveredAt = now;
                d.lastError = null;
                return;
            }
            String error = failure != null ? String.valueOf(failure.getMessage()) : "HTTP " + status;
            if (failure == null && !RetrySchedule.retryable(status)) {
                park(d, error + ": the endpoint refused it", status);
                return;
            }
            retries.next(d.attempts, now).ifPresentOrElse(next -> {
                counted(d.unitCode, "retried");
                d.nextAttemptAt = next;
                d.lastError = error;
            }, () -> park(d, error + " (after " + d.attempts + " attempts)", status));
        })).replaceWithVoid();
    }

    /** {@code wenzheng_webhook_pushes_total{unit,outcome}}: the on-call alert is on outcome="parked". */
    private static void counted(String unit, String outcome) {
        io.micrometer.core.instrument.Metrics.counter("wenzheng.webhook.pushes", "unit", unit, "outcome", outcome).increment();
    }

    private static void park(WebhookDelivery d, String why, Integer status) {
        counted(d.unitCode, "parked");
        d.status = WebhookDelivery.Status.PARKED;
        d.lastError = why;
        d.lastStatus = status;
        LOG.warnf("webhook push %d of %s to unit %s parked: %s", d.id, d.eventType, d.unitCode, why);
    }

    /**
     * The CloudEvents webhook validation handshake (CloudEvents Web Hooks 1.0, section 4): an OPTIONS request naming
     * our origin, which the endpoint must allow. Refused or unreachable endpoints are not registered.
     */
    public Uni<Void> handshake(String url) {
        return client.requestAbs(HttpMethod.OPTIONS, url).timeout(config.timeout().toMillis())
                .putHeader("WebHook-Request-Origin", config.origin())
                .send()
                .onFailure().transform(e -> new IllegalStateException("the endpoint did not answer the validation handshake: " + e.getMessage()))
                .invoke(response -> {
                    String allowed = response.getHeader("WebHook-Allowed-Origin");
                    if (response.statusCode() / 100 != 2 || allowed == null
                            || !(allowed.equals("*") || allowed.equals(config.origin()))) {
                        throw new IllegalStateException("the endpoint answered the validation handshake with HTTP " + response.statusCode()
                                + (allowed == null ? " and no WebHook-Allowed-Origin" : " allowing origin " + allowed)
                                + "; it must allow " + config.origin());
                    }
                })
                .replaceWithVoid();
    }

    public String origin() {
        return config.origin();
    }

    public boolean allowHttp() {
        return config.allowHttp();
    }

    public Duration secretOverlap() {
        return config.secretOverlap();
    }
}
