package io.wenzheng.devstack.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-loop petition load on intake: requests leave at the target rate whatever the answers do, as citizens would,
 * through the REST API (an operator filing) and the WeChat webhook (a signed platform push). Every answer is kept,
 * so a reconciliation can later ask what became of each petition that was answered with a 2xx.
 */
public final class PetitionLoad {
    public enum Route { REST, WECHAT }

    /**
     * @param webhookShare the fraction of petitions that arrive by the WeChat webhook instead of the REST API
     * @param maxInFlight requests waiting for an answer beyond this are not sent, and counted as such: the generator
     *                    never queues, so its own backlog cannot hide the suite's
     */
    public record Settings(String intakeUrl, Supplier<String> operatorToken, double perSecond, Duration duration,
                           double webhookShare, int maxInFlight, String wechatAccount, String wechatToken) {
        public static Settings of(String intakeUrl, Supplier<String> operatorToken, double perSecond, Duration duration) {
            return new Settings(intakeUrl, operatorToken, perSecond, duration, 0.3, 512, "demo", "wenzheng-demo");
        }

        public Settings withWebhookShare(double share) {
            return new Settings(intakeUrl, operatorToken, perSecond, duration, share, maxInFlight, wechatAccount, wechatToken);
        }

        public Settings withMaxInFlight(int requests) {
            return new Settings(intakeUrl, operatorToken, perSecond, duration, webhookShare, requests, wechatAccount, wechatToken);
        }
    }

    /**
     * One request and its answer.
     *
     * @param key the petition id (REST) or the WeChat MsgId (webhook)
     * @param trackingCode the tracking code the answer gave, if any
     * @param status the HTTP status, or 0 when no answer came (refused connection, reset, timeout)
     */
    public record Attempt(Route route, String key, String trackingCode, Instant sentAt, long latencyNanos, int status, String failure,
                          Duration retryAfter) {
        public Attempt(Route route, String key, String trackingCode, Instant sentAt, long latencyNanos, int status, String failure) {
            this(route, key, trackingCode, sentAt, latencyNanos, status, failure, null);
        }

        public boolean accepted() {
            return status >= 200 && status < 300;
        }

        /** Why it was not accepted, in a few words that group alike failures. */
        public String reason() {
            if (status == 0) {
                return route + " " + (failure == null ? "no answer" : failure);
            }
            Matcher title = PROBLEM_TITLE.matcher(failure == null ? "" : failure);
            return route + " HTTP " + status + (title.find() ? " " + title.group(1) : "");
        }
    }

    /** @param sentAgain busy answers (503 with Retry-After) after which the burst sent the same message again */
    public record Result(List<Attempt> attempts, long notSent, Duration elapsed, long sentAgain) {
        public Result(List<Attempt> attempts, long notSent, Duration elapsed) {
            this(attempts, notSent, elapsed, 0);
        }

        public List<Attempt> accepted() {
            return attempts.stream().filter(Attempt::accepted).toList();
        }

        /** Answered with an error, or failed before an answer for another reason than the client's timeout. */
        public long refused() {
            return attempts.size() - accepted().size() - unanswered();
        }

        /**
         * Given up by the client after its timeout: the service may still have accepted them later, so they are
         * neither refused nor lost, and the pipeline's records about them are not attributed to anyone.
         */
        public long unanswered() {
            return attempts.stream().filter(a -> a.status() == 0 && "timeout".equals(a.failure())).count();
        }

        /**
         * The refusals counted by route and what they were: "REST HTTP 503 Service Unavailable" (the status and the
         * problem's title), or the client's failure ("WECHAT ConnectException: …", numbers masked so that alike failures
         * group); the most frequent first.
         */
        public Map<String, Long> refusalsByReason() {
            Map<String, Long> counts = attempts.stream()
                    .filter(a -> !a.accepted() && !(a.status() == 0 && "timeout".equals(a.failure())))
                    .collect(java.util.stream.Collectors.groupingBy(Attempt::reason, java.util.stream.Collectors.counting()));
            Map<String, Long> sorted = new java.util.LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }

        public double acceptedPerSecond() {
            return accepted().size() / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    private static final Pattern PROBLEM_TITLE = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]{1,80})\"");
    private static final Pattern PETITION_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9A-Za-z]+)\"");
    private static final Pattern REST_TRACKING = Pattern.compile("\"trackingCode\"\\s*:\\s*\"([0-9A-Za-z]+)\"");
    private static final Pattern WECHAT_TRACKING = Pattern.compile("查询码 ([0-9A-Za-z]+)");

    private final Settings settings;
    private final PetitionTexts texts;
    /**
     * HTTP/1.1, a connection per request in flight, as citizens' browsers and the platforms' webhook callers arrive. The
     * JDK client's default upgrades plain http to HTTP/2 and multiplexes everything on one connection; when many of its
     * requests time out at once, their stream resets look like a rapid-reset attack, and the server closes the whole
     * connection (every request in flight on it then ends in an EOFException, answered or not).
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicLong messageIds = new AtomicLong(System.currentTimeMillis() * 1000);

    public PetitionLoad(Settings settings, PetitionTexts texts) {
        this.settings = settings;
        this.texts = texts;
    }

    /** Sends for the configured duration, then waits for the answers still outstanding. */
    public Result run(Consumer<String> progress) {
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        Semaphore inFlight = new Semaphore(settings.maxInFlight());
        long intervalNanos = (long) (1e9 / settings.perSecond());
        long start = System.nanoTime();
        long end = start + settings.duration().toNanos();
        long notSent = 0;
        long nextReport = start + TimeUnit.SECONDS.toNanos(5);
        java.util.Random random = new java.util.Random(42);
        for (long i = 0; ; i++) {
            long due = start + i * intervalNanos;
            if (due >= end) {
                break;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() >= nextReport) {
                progress.accept(String.format("load | %3.0f s: %,d sent, %,d accepted, %,d refused, %d in flight, %,d not sent",
                        (System.nanoTime() - start) / 1e9, i, attempts.stream().filter(Attempt::accepted).count(),
                        attempts.stream().filter(a -> !a.accepted()).count(), settings.maxInFlight() - inFlight.availablePermits(), notSent));
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
            if (!inFlight.tryAcquire()) {
                notSent++;
                continue;
            }
            Route route = random.nextDouble() < settings.webhookShare() ? Route.WECHAT : Route.REST;
            send(route, messageId(route), texts.at(i)).whenComplete((attempt, e) -> {
                attempts.add(attempt);
                inFlight.release();
            });
        }
        try {
            if (!inFlight.tryAcquire(settings.maxInFlight(), 60, TimeUnit.SECONDS)) {
                progress.accept("load | some answers still outstanding after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(new ArrayList<>(attempts), notSent, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Closed loop, as fast as intake answers: exactly {@code total} petitions with at most {@code maxInFlight}
     * waiting, for a burst that must be absorbed whole rather than offered at a rate. Like a platform's webhook caller,
     * the burst sends a message told to wait (503 with Retry-After) again once the wait is over, up to
     * {@value #MOST_SENDINGS} times; the petition's latency runs from its first sending.
     */
    public Result burst(long total, Consumer<String> progress) {
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        Semaphore inFlight = new Semaphore(settings.maxInFlight());
        AtomicLong accepted = new AtomicLong();
        AtomicLong sentAgain = new AtomicLong();
        long start = System.nanoTime();
        long nextReport = start + TimeUnit.SECONDS.toNanos(5);
        java.util.Random random = new java.util.Random(43);
        try {
            for (long i = 0; i < total; i++) {
                inFlight.acquire();
                if (System.nanoTime() >= nextReport) {
                    progress.accept(String.format("burst | %3.0f s: %,d of %,d sent, %,d accepted, %,d sent again after a busy answer",
                            (System.nanoTime() - start) / 1e9, i, total, accepted.get(), sentAgain.get()));
                    nextReport += TimeUnit.SECONDS.toNanos(5);
                }
                Route route = random.nextDouble() < settings.webhookShare() ? Route.WECHAT : Route.REST;
                String messageId = messageId(route);
                Instant firstSentAt = Instant.now();
                long firstSent = System.nanoTime();
                sendUntilAdmitted(route, messageId, texts.at(i), 1, sentAgain).whenComplete((last, e) -> {
                    Attempt attempt = new Attempt(last.route(), last.key(), last.trackingCode(), firstSentAt, System.nanoTime() - firstSent,
                            last.status(), last.failure(), last.retryAfter());
                    attempts.add(attempt);
                    if (attempt.accepted()) {
                        accepted.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            inFlight.acquire(settings.maxInFlight());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(new ArrayList<>(attempts), 0, Duration.ofNanos(System.nanoTime() - start), sentAgain.get());
    }

    static final int MOST_SENDINGS = 30;

    private java.util.concurrent.CompletableFuture<Attempt> sendUntilAdmitted(Route route, String messageId, String text, int sending,
                                                                              AtomicLong sentAgain) {
        return send(route, messageId, text).thenCompose(attempt -> {
            if (attempt.retryAfter() == null || sending >= MOST_SENDINGS) {
                return java.util.concurrent.CompletableFuture.completedFuture(attempt);
            }
            sentAgain.incrementAndGet();
            java.util.concurrent.Executor afterTheWait = java.util.concurrent.CompletableFuture.delayedExecutor(
                    attempt.retryAfter().toMillis(), TimeUnit.MILLISECONDS);
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> sending + 1, afterTheWait)
                    .thenCompose(next -> sendUntilAdmitted(route, messageId, text, next, sentAgain));
        });
    }

    /** A platform's message id for a webhook route (the same on a sending again); none for the REST API. */
    private String messageId(Route route) {
        return route == Route.WECHAT ? String.valueOf(messageIds.incrementAndGet()) : null;
    }

    private java.util.concurrent.CompletableFuture<Attempt> send(Route route, String messageId, String text) {
        Instant sentAt = Instant.now();
        long began = System.nanoTime();
        HttpRequest request;
        try {
            request = route == Route.REST ? restRequest(text) : wechatRequest(messageId, text);
        } catch (RuntimeException e) {
            // A token that cannot be had (Keycloak down) is a failed attempt, not a crashed generator.
            return java.util.concurrent.CompletableFuture.completedFuture(
                    new Attempt(route, messageId, null, sentAt, System.nanoTime() - began, 0, abbreviate(e.toString())));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, e) -> {
                    long latency = System.nanoTime() - began;
                    if (e != null) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        String failure = cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + abbreviate(cause.getMessage().replaceAll("\\d+", "N")));
                        return new Attempt(route, messageId, null, sentAt, latency, 0, failure);
                    }
                    String body = response.body();
                    boolean ok = response.statusCode() / 100 == 2;
                    String key = route == Route.REST ? (ok ? group(PETITION_ID, body) : null) : messageId;
                    String tracking = ok ? group(route == Route.REST ? REST_TRACKING : WECHAT_TRACKING, body) : null;
                    Duration retryAfter = response.statusCode() == 503
                            ? response.headers().firstValue("Retry-After").flatMap(PetitionLoad::seconds).orElse(null) : null;
                    return new Attempt(route, key, tracking, sentAt, latency, response.statusCode(), ok ? null : abbreviate(body), retryAfter);
                });
    }

    /** Retry-After in its delta-seconds form; the HTTP-date form is not what intake sends. */
    private static java.util.Optional<Duration> seconds(String retryAfter) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private HttpRequest restRequest(String text) {
        String json = "{\"channel\":\"WEB\",\"text\":" + jsonString(text) + "}";
        return HttpRequest.newBuilder(URI.create(settings.intakeUrl() + "/api/v1/petitions"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.operatorToken().get())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    private HttpRequest wechatRequest(String messageId, String text) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = "n" + messageId;
        String xml = "<xml><ToUserName><![CDATA[gh_wenzheng]]></ToUserName><FromUserName><![CDATA[" + wechatUser(Long.parseLong(messageId))
                + "]]></FromUserName><CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                + text.replace("]]>", "]] >") + "]]></Content><MsgId>" + messageId + "</MsgId></xml>";
        String query = "signature=" + wechatSignature(settings.wechatToken(), timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce;
        return HttpRequest.newBuilder(URI.create(settings.intakeUrl() + "/channels/wechat/" + settings.wechatAccount() + "?" + query))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
    }

    /**
     * The WeChat user a message comes from. Intake compares a petition with the same citizen's petitions of the last
     * seven days, so how often citizens write again sets part of its cost. On the board {@code ../shared/data} comes from
     * (5,617 petitions, 5,318 users), 98.5% have no earlier petition of their user within seven days and none has more than
     * two; here one message in 50 comes from the user of the message seven before it, and every other from a user of its
     * own. Until 7 December 2026 every message came from one of 997 users: in a burst of 100,000 each of them wrote about
     * 30, and intake compared every new one with up to 50 earlier ones (work real citizens do not cause; it was not,
     * though, what slows a long burst: docs/performance.md, eleventh session).
     */
    static String wechatUser(long messageId) {
        return "o_load" + (messageId % 50 == 0 ? messageId - 7 : messageId);
    }

    /** WeChat's server signature: sha1 over the token, timestamp and nonce, sorted and concatenated. */
    static String wechatSignature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jsonString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body == null ? "" : body);
        return m.find() ? m.group(1) : null;
    }

    private static String abbreviate(String body) {
        return body == null ? null : body.length() > 200 ? body.substring(0, 200) : body;
    }
}
