package io.wenzheng.intake.unitfeed.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    // The Standard Webhooks specification's own example, so a department's off-the-shelf verifier agrees with ours.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsAsTheStandardWebhooksSpecificationsExample() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationEitherSecretVerifiesAndATamperedBodyNeither() {
        String next = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(next, SECRET), ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(WebhookSignature.verify(next, ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY.replace('2', '3'), header)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP + 1, BODY, header)).as("the timestamp is signed too").isFalse();
        assertThat(next).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void retriesDoubleUpToTheLongestWaitAndThenPark() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 10);
        Instant now = Instant.parse("2026-12-31T16:00:00Z");
        assertThat(schedule.next(1, now)).contains(now.plusSeconds(30));
        assertThat(schedule.next(2, now)).contains(now.plusSeconds(60));
        assertThat(schedule.next(5, now)).contains(now.plusSeconds(480));
        assertThat(schedule.next(9, now)).as("capped").contains(now.plus(Duration.ofHours(1)));
        assertThat(schedule.next(10, now)).isEqualTo(Optional.empty());
        assertThat(RetrySchedule.retryable(503)).isTrue();
        assertThat(RetrySchedule.retryable(429)).isTrue();
        assertThat(RetrySchedule.retryable(400)).as("a request the endpoint refuses will be refused again").isFalse();
    }
}
