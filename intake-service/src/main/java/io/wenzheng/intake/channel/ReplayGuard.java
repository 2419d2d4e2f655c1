package io.wenzheng.intake.channel;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wenzheng.kit.sql.Timestamptz;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.Channel;
import io.wenzheng.intake.IntakeConfig;
import io.wenzheng.kit.problem.Problem;
import io.wenzheng.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Refuses signed platform requests that are stale or replayed. The same nonce and timestamp with the same body is
 * the platform retrying (let through: the message id deduplicates it); with another body it is a replay.
 */
@ApplicationScoped
public class ReplayGuard {
    private static final String ADMIT = "insert into channel_nonce (channel, account, nonce, signed_at, body_hash, seen_at) "
            + "values ($1, $2, $3, $4, $5, $6) on conflict (channel, account, nonce, signed_at) "
            + "do update set body_hash = channel_nonce.body_hash returning body_hash";

    private final Duration skew;
    private final Pool pool;

    @Inject
    public ReplayGuard(IntakeConfig config, Pool pool) {
        this.skew = config.channelClockSkew();
        this.pool = pool;
    }

    /**
     * Checks freshness at once, then records the nonce and learns whether it was seen before, in one statement: a
     * conflict returns the body hash stored first. Most requests carry a new nonce, so this is their only round trip.
     */
    public Uni<Void> admit(Channel channel, String account, String nonce, long signedAtSeconds, byte[] body) {
        Instant now = Instant.now();
        Instant signedAt = Instant.ofEpochSecond(signedAtSeconds);
        if (Duration.between(signedAt, now).abs().compareTo(skew) > 0) {
            throw forbidden("stale timestamp: " + signedAt + " is more than " + skew.toSeconds() + " s from now");
        }
        String hash = sha256(body);
        return pool.preparedQuery(ADMIT)
                .execute(Tuple.of(channel.name(), account, nonce, signedAtSeconds, hash, Timestamptz.of(now)))
                .map(rows -> {
                    if (!rows.iterator().next().getString(0).equals(hash)) {
                        throw forbidden("replayed nonce " + nonce + " with another body");
                    }
                    return null;
                });
    }

    /**
     * Nonces older than twice the allowed clock skew can no longer be replayed (their timestamp is stale), so they go.
     * Once a minute, not on every request; a row kept a minute longer only refuses what is refused anyway.
     */
    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOldNonces() {
        return pool.preparedQuery("delete from channel_nonce where seen_at < $1")
                .execute(Tuple.of(Timestamptz.of(Instant.now().minus(skew.multipliedBy(2)))))
                .replaceWithVoid();
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Refused", detail));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
