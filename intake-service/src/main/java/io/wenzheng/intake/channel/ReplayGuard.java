package io.wenzheng.intake.channel;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wenzheng.kit.sql.GroupCommit;
import io.wenzheng.kit.sql.Timestamptz;
import io.vertx.mutiny.sqlclient.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /**
     * Records the nonces of a group of requests and answers, for each, the body hash stored first: a new nonce's own,
     * or that of the request that brought it before. Columns bound as arrays: one statement text for any group.
     */
    private static final String ADMIT = "insert into channel_nonce (channel, account, nonce, signed_at, body_hash, seen_at) "
            + "select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int8[], $5::varchar[], $6::timestamptz[]) "
            + "on conflict (channel, account, nonce, signed_at) do update set body_hash = channel_nonce.body_hash "
            + "returning channel, account, nonce, signed_at, body_hash";
    /** Above intake's admission bound: every signed request admitted at one moment fits one group. */
    private static final int MOST_PER_GROUP = 64;

    private final Duration skew;
    private final Pool pool;
    private final GroupCommit<Seen> groups;

    /** A signed request's nonce, and the body hash the database holds for it once its group is written. */
    private static final class Seen {
        final String channel;
        final String account;
        final String nonce;
        final long signedAt;
        final String hash;
        final java.time.OffsetDateTime at;
        volatile String storedHash;

        Seen(Channel channel, String account, String nonce, long signedAt, String hash, Instant at) {
            this.channel = channel.name();
            this.account = account;
            this.nonce = nonce;
            this.signedAt = signedAt;
            this.hash = hash;
            this.at = Timestamptz.of(at);
        }

        String key() {
            return key(channel, account, nonce, signedAt);
        }

        static String key(String channel, String account, String nonce, long signedAt) {
            return channel + '\n' + account + '\n' + nonce + '\n' + signedAt;
        }
    }

    @Inject
    public ReplayGuard(IntakeConfig config, Pool pool) {
        this.skew = config.channelClockSkew();
        this.pool = pool;
        // Four writes at once, as for petitions: one at a time held back every request behind a slow one.
        this.groups = new GroupCommit<>(MOST_PER_GROUP, 4, this::record, seen -> record(List.of(seen)), size -> { });
    }

    /**
     * Checks freshness at once, then records the nonce and learns whether it was seen before, in one statement with
     * the other signed requests of the moment (group commit): a conflict returns the body hash stored first. Two
     * requests with one nonce in the same group make the statement fail; each is then recorded on its own, in order.
     */
    public Uni<Void> admit(Channel channel, String account, String nonce, long signedAtSeconds, byte[] body) {
        Instant now = Instant.now();
        Instant signedAt = Instant.ofEpochSecond(signedAtSeconds);
        if (Duration.between(signedAt, now).abs().compareTo(skew) > 0) {
            throw forbidden("stale timestamp: " + signedAt + " is more than " + skew.toSeconds() + " s from now");
        }
        Seen seen = new Seen(channel, account, nonce, signedAtSeconds, sha256(body), now);
        return groups.write(seen).map(ignored -> {
            if (!seen.hash.equals(seen.storedHash)) {
                throw forbidden("replayed nonce " + nonce + " with another body");
            }
            return null;
        });
    }

    private Uni<Void> record(List<Seen> group) {
        int n = group.size();
        String[] channels = new String[n];
        String[] accounts = new String[n];
        String[] nonces = new String[n];
        Long[] signedAt = new Long[n];
        String[] hashes = new String[n];
        java.time.OffsetDateTime[] at = new java.time.OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Seen s = group.get(i);
            channels[i] = s.channel;
            accounts[i] = s.account;
            nonces[i] = s.nonce;
            signedAt[i] = s.signedAt;
            hashes[i] = s.hash;
            at[i] = s.at;
        }
        return pool.preparedQuery(ADMIT).execute(Tuple.of(channels, accounts, nonces, signedAt, hashes, at))
                .invoke(rows -> {
                    Map<String, String> stored = new HashMap<>();
                    for (Row row : rows) {
                        stored.put(Seen.key(row.getString("channel"), row.getString("account"), row.getString("nonce"),
                                row.getLong("signed_at")), row.getString("body_hash"));
                    }
                    group.forEach(s -> s.storedHash = stored.get(s.key()));
                })
                .replaceWithVoid();
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
