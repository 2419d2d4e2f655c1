package io.wenzheng.intake.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wenzheng.contracts.Channel;
import io.wenzheng.devstack.testing.DevStackTestResource;
import io.wenzheng.kit.problem.ProblemException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A nonce is recorded and checked in one statement; old nonces are forgotten by the minute's purge, not per request. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class ReplayGuardTest {
    @Inject
    ReplayGuard guard;
    @Inject
    Pool pool;

    @Test
    void aNonceSeenAgainWithTheSameBodyIsARetryAndWithAnotherBodyAReplay() {
        String nonce = "n" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        guard.admit(Channel.WECHAT, "guard-test", nonce, now, bytes("第一次")).await().indefinitely();
        guard.admit(Channel.WECHAT, "guard-test", nonce, now, bytes("第一次")).await().indefinitely();

        assertThatThrownBy(() -> guard.admit(Channel.WECHAT, "guard-test", nonce, now, bytes("另一条")).await().indefinitely())
                .isInstanceOf(ProblemException.class).hasMessageContaining("replayed nonce");
        assertThat(count(nonce)).isEqualTo(1);
    }

    @Test
    void noncesCheckedAtOneMomentAreRecordedTogetherAndEachGetsItsOwnAnswer() throws Exception {
        long now = Instant.now().getEpochSecond();
        String retried = "n" + UUID.randomUUID();
        String replayed = "n" + UUID.randomUUID();
        java.util.List<java.util.concurrent.CompletableFuture<Void>> fresh = new java.util.ArrayList<>();
        java.util.List<String> freshNonces = new java.util.ArrayList<>();
        // Subscribed one after another without waiting: the first goes alone, the rest queue behind it as a group.
        for (int i = 0; i < 20; i++) {
            String nonce = "n" + UUID.randomUUID();
            freshNonces.add(nonce);
            fresh.add(guard.admit(Channel.WECHAT, "guard-test", nonce, now, bytes("消息" + i)).subscribeAsCompletionStage());
        }
        var retry1 = guard.admit(Channel.WECHAT, "guard-test", retried, now, bytes("同一条")).subscribeAsCompletionStage();
        var retry2 = guard.admit(Channel.WECHAT, "guard-test", retried, now, bytes("同一条")).subscribeAsCompletionStage();
        var original = guard.admit(Channel.WECHAT, "guard-test", replayed, now, bytes("原来的")).subscribeAsCompletionStage();
        var replay = guard.admit(Channel.WECHAT, "guard-test", replayed, now, bytes("换了内容")).subscribeAsCompletionStage();

        for (var f : fresh) {
            f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        retry1.get(30, java.util.concurrent.TimeUnit.SECONDS);
        retry2.get(30, java.util.concurrent.TimeUnit.SECONDS);
        original.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(replay).failsWithin(30, java.util.concurrent.TimeUnit.SECONDS).withThrowableThat()
                .withCauseInstanceOf(ProblemException.class).withMessageContaining("replayed nonce " + replayed);
        for (String nonce : freshNonces) {
            assertThat(count(nonce)).isEqualTo(1);
        }
        assertThat(count(retried)).isEqualTo(1);
        assertThat(count(replayed)).isEqualTo(1);
    }

    @Test
    void thePurgeForgetsNoncesTooOldToBeReplayedAndKeepsRecentOnes() {
        String old = "n" + UUID.randomUUID();
        String recent = "n" + UUID.randomUUID();
        pool.preparedQuery("insert into channel_nonce (channel, account, nonce, signed_at, body_hash, seen_at) values ('WECHAT', 'guard-test', $1, 1, 'x', $2)")
                .execute(Tuple.of(old, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))).await().indefinitely();
        guard.admit(Channel.WECHAT, "guard-test", recent, Instant.now().getEpochSecond(), bytes("新的")).await().indefinitely();

        guard.forgetOldNonces().await().indefinitely();

        assertThat(count(old)).isZero();
        assertThat(count(recent)).isEqualTo(1);
    }

    private long count(String nonce) {
        return pool.preparedQuery("select count(*) from channel_nonce where nonce = $1").execute(Tuple.of(nonce)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
