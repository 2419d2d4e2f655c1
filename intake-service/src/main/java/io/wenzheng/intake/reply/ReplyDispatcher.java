package io.wenzheng.intake.reply;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.intake.IntakeConfig;
import io.wenzheng.intake.channel.ChannelMessage;
import io.wenzheng.intake.citizen.ContactVault;
import io.wenzheng.intake.petition.PetitionIntake;
import io.wenzheng.intake.petition.PetitionRow;
import io.wenzheng.kit.IdleBackoff;
import io.wenzheng.kit.PollingLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Carries a unit's replies back to the citizen on the petition's own channel. A reply is queued in the transaction
 * of the unit's action; the dispatcher leases due deliveries, sends them outside any transaction, and records each
 * outcome in the petition's history. A failure is retried with a doubling delay and, after the last attempt, marked
 * FAILED: never silently dropped.
 */
@ApplicationScoped
public class ReplyDispatcher {
    /** The service's clock ({@code kit.time.ServiceClock}): the system clock, or a test profile's. */
    @jakarta.inject.Inject
    java.time.Clock clock;
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 20;

    private final PlatformReplies platforms;
    private final ContactVault vault;
    private final IntakeConfig config;
    private PollingLoop<Integer> loop;

    @Inject
    public ReplyDispatcher(PlatformReplies platforms, ContactVault vault, IntakeConfig config) {
        this.platforms = platforms;
        this.vault = vault;
        this.config = config;
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        IdleBackoff idle = new IdleBackoff(Duration.ofMillis(500), Duration.ofSeconds(2));
        loop = new PollingLoop<>(vertx, "reply dispatcher", this::round,
                sent -> sent >= BATCH ? idle.busy(Duration.ZERO) : sent > 0 ? idle.busy(Duration.ofMillis(500)) : idle.idle(),
                Duration.ofSeconds(2));
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Queues the reply to a petition's citizen if its channel can carry one; call inside the action's transaction. */
    public static Uni<Void> enqueue(PetitionRow row, String text, String trackingUrl, Instant now) {
        if (!PlatformReplies.canReach(row.channel) || row.contactSealed == null) {
            return Uni.createFrom().voidItem();
        }
        Uni<String> account = row.channel == Channel.HOTLINE ? Uni.createFrom().item("12345")
                : ChannelMessage.<ChannelMessage>find("petitionId", row.id).firstResult().map(m -> m == null ? null : m.key.account());
        return account.chain(a -> {
            if (a == null) {
                return Uni.createFrom().voidItem(); // not filed through a platform account (e.g. the REST API)
            }
            ReplyDelivery d = new ReplyDelivery();
            d.petitionId = row.id;
            d.channel = row.channel;
            d.account = a;
            d.recipientSealed = row.contactSealed;
            d.body = "【问政】查询码 " + row.trackingCode + "：" + io.wenzheng.intake.petition.PlainText.clean(text) + " 办理进度：" + trackingUrl;
            d.status = ReplyDelivery.Status.PENDING;
            d.nextAttemptAt = now;
            d.createdAt = now;
            return d.persist().replaceWithVoid();
        });
    }

    /** The petition's replies that ended FAILED, oldest first. */
    public static Uni<List<io.wenzheng.intake.petition.PetitionView.UndeliveredReply>> undelivered(String petitionId) {
        return ReplyDelivery.<ReplyDelivery>find("petitionId = ?1 and status = ?2 order by id", petitionId, ReplyDelivery.Status.FAILED).list()
                .map(rows -> rows.stream().map(d -> new io.wenzheng.intake.petition.PetitionView.UndeliveredReply(d.channel, d.attempts,
                        d.lastError, d.createdAt)).toList());
    }

    /** Sends the petition's failed replies again from the first attempt; call inside a transaction. Answers how many. */
    public static Uni<Integer> retryFailed(String petitionId, Instant now) {
        return ReplyDelivery.update("status = ?1, attempts = 0, nextAttemptAt = ?2 where petitionId = ?3 and status = ?4",
                ReplyDelivery.Status.PENDING, now, petitionId, ReplyDelivery.Status.FAILED);
    }

    Uni<Integer> round() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Uni<List<ReplyDelivery>> leased = Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select * from reply_delivery where status = 'PENDING' and next_attempt_at <= :now "
                        + "order by next_attempt_at limit :n for update skip locked", ReplyDelivery.class)
                .setParameter("now", now).setParameter("n", BATCH).getResultList()
                .invoke(due -> due.forEach(d -> d.nextAttemptAt = now.plus(LEASE)))));
        return leased.chain(due -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ReplyDelivery d : due) {
                chain = chain.chain(() -> deliver(d));
            }
            return chain.replaceWith(due.size());
        });
    }

    private Uni<Void> deliver(ReplyDelivery d) {
        Uni<Void> sent;
        try {
            sent = platforms.send(d.channel, d.account, recipient(d), d.body);
        } catch (RuntimeException e) {
            sent = Uni.createFrom().failure(e);
        }
        return sent.onItemOrFailure().transformToUni((ok, failure) -> record(d.id, failure));
    }

    private String recipient(ReplyDelivery d) {
        JsonNode contact;
        try {
            contact = EventJson.mapper().readTree(vault.decrypt(d.recipientSealed));
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the sealed contact of petition " + d.petitionId);
        }
        String field = d.channel == Channel.HOTLINE ? "phone" : "platformId";
        if (!contact.hasNonNull(field)) {
            throw new IllegalStateException("petition " + d.petitionId + " has no " + field + " to reply to");
        }
        return contact.get(field).asText();
    }

    private Uni<Void> record(long id, Throwable failure) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> ReplyDelivery.<ReplyDelivery>findById(id).chain(d -> {
            d.attempts++;
            String type;
            var data = EventJson.mapper().createObjectNode().put("channel", d.channel.name()).put("attempt", d.attempts);
            if (failure == null) {
                d.status = ReplyDelivery.Status.SENT;
                d.sentAt = now;
                d.lastError = null;
                type = "intake.reply.delivered";
            } else {
                d.lastError = String.valueOf(failure.getMessage());
                data.put("error", d.lastError);
                if (d.attempts >= config.replyMaxAttempts()) {
                    d.status = ReplyDelivery.Status.FAILED;
                    type = "intake.reply.failed";
                } else {
                    d.nextAttemptAt = now.plus(config.replyRetryDelay().multipliedBy(1L << Math.min(10, d.attempts - 1)));
                    data.put("nextAttemptAt", d.nextAttemptAt.toString());
                    type = "intake.reply.attempt-failed";
                }
            }
            return PetitionIntake.record(UUID.randomUUID().toString(), type, "intake-service/replies", now, data.toString(), d.petitionId);
        }));
    }
}
