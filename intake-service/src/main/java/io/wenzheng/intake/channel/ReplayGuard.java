package io.wenzheng.intake.channel;

import io.quarkus.hibernate.reactive.panache.Panache;
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
    private final Duration skew;

    @Inject
    public ReplayGuard(IntakeConfig config) {
        this.skew = config.channelClockSkew();
    }

    /** Checks freshness at once; records the nonce in its own transaction. */
    public Uni<Void> admit(Channel channel, String account, String nonce, long signedAtSeconds, byte[] body) {
        Instant now = Instant.now();
        Instant signedAt = Instant.ofEpochSecond(signedAtSeconds);
        if (Duration.between(signedAt, now).abs().compareTo(skew) > 0) {
            throw forbidden("stale timestamp: " + signedAt + " is more than " + skew.toSeconds() + " s from now");
        }
        String hash = sha256(body);
        ChannelNonce.Key key = new ChannelNonce.Key(channel, account, nonce, signedAtSeconds);
        return Panache.withTransaction(() -> ChannelNonce.delete("seenAt < ?1", now.minus(skew.multipliedBy(2)))
                .chain(() -> ChannelNonce.<ChannelNonce>findById(key))
                .chain(seen -> {
                    if (seen != null) {
                        if (!seen.bodyHash.equals(hash)) {
                            throw forbidden("replayed nonce " + nonce + " with another body");
                        }
                        return Uni.createFrom().voidItem();
                    }
                    ChannelNonce fresh = new ChannelNonce();
                    fresh.key = key;
                    fresh.bodyHash = hash;
                    fresh.seenAt = now;
                    return fresh.persist().replaceWithVoid();
                }));
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
