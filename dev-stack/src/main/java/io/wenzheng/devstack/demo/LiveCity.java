package io.wenzheng.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The demo city at work: citizens write through the real channels (REST, WeChat, Weibo, the hotline) every few
 * seconds, and simulated units take their cases through their own Kafka command topics, as a department's system
 * would: they sign for, answer, report progress, ask the citizen, resolve or hand back, with delays drawn around the
 * pledge, some of them late. The 12345 centre calls citizens back for their rating (满意度回访).
 */
public final class LiveCity implements AutoCloseable {
    /**
     * @param every   a new petition this often
     * @param answer  the median time a unit takes to answer; each unit is faster or slower than it
     */
    public record Settings(String intakeUrl, Map<String, Object> kafkaClient, Supplier<String> operatorToken, Duration every, Duration answer,
                           long seed) {
        /** @param kafkaClient bootstrap servers and, on a broker with ACLs, the credentials of a principal that may do what units do */
        public static Settings of(String intakeUrl, Map<String, Object> kafkaClient, Supplier<String> operatorToken) {
            return new Settings(intakeUrl, Map.copyOf(kafkaClient), operatorToken, Duration.ofSeconds(5), Duration.ofMinutes(20), 2031);
        }
    }

    /** A citizen's message: a subject when the channel has one, and the text. */
    public record Text(String subject, String body) {
    }

    private enum Route { REST, WECHAT, WEIBO, HOTLINE }

    private final Settings settings;
    private final List<Text> texts;
    private final Consumer<String> say;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "demo-city");
        t.setDaemon(true);
        return t;
    });
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Thread units;
    private volatile boolean running = true;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final Set<String> handedBack = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> sent = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong actions = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public LiveCity(Settings settings, List<Text> texts, Consumer<String> say) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("the demo city needs texts to write");
        }
        this.settings = settings;
        this.texts = texts;
        this.say = say;
        this.random = new Random(settings.seed());
        Map<String, Object> producerConfig = new java.util.HashMap<>(settings.kafkaClient());
        producerConfig.putAll(Map.of("acks", "all", "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()));
        this.producer = new KafkaProducer<>(producerConfig);
        Map<String, Object> consumerConfig = new java.util.HashMap<>(settings.kafkaClient());
        consumerConfig.putAll(Map.of("enable.auto.commit", "false", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
        this.consumer = new KafkaConsumer<>(consumerConfig);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.LIFECYCLE).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fixes the start now: what happens from here on is the units' work
        this.units = new Thread(this::watch, "demo-units");
        this.units.setDaemon(true);
        this.units.start();
    }

    /** Starts the citizens writing, and a line each minute on what the city did. */
    public LiveCity start() {
        clock.scheduleWithFixedDelay(this::write, 0, settings.every().toMillis(), TimeUnit.MILLISECONDS);
        clock.scheduleAtFixedRate(() -> say.accept(String.format("demo city: %d petitions written (%s), %d unit and call-back actions%s",
                next.get(), sent, actions.get(), failures.get() == 0 ? "" : ", " + failures.get() + " refused")), 60, 60, TimeUnit.SECONDS);
        return this;
    }

    public int written() {
        return next.get();
    }

    public long actions() {
        return actions.get();
    }

    private void write() {
        int n = next.getAndIncrement();
        Text text = texts.get(n % texts.size());
        Route route = Route.values()[n % Route.values().length];
        try {
            int status = send(route, text, n).statusCode();
            if (status / 100 == 2) {
                sent.merge(route.name(), 1, Integer::sum);
            } else {
                failures.incrementAndGet();
            }
        } catch (Exception e) {
            failures.incrementAndGet();
        }
    }

    private HttpResponse<String> send(Route route, Text text, int n) throws Exception {
        String body = text.body().length() > 3000 ? text.body().substring(0, 3000) : text.body();
        HttpRequest.Builder request = switch (route) {
            case REST -> HttpRequest.newBuilder(URI.create(settings.intakeUrl() + "/api/v1/petitions"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + settings.operatorToken().get())
                    .POST(json(Map.of("channel", "WEB", "subject", text.subject() == null ? "" : text.subject(), "text", body,
                            "contact", Map.of("phone", phone(n)))));
            case HOTLINE -> HttpRequest.newBuilder(URI.create(settings.intakeUrl() + "/api/v1/hotline-calls"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + settings.operatorToken().get())
                    .POST(json(Map.of("callerNumber", phone(n), "transcript", "来电反映：" + body, "callId", "demo-" + UUID.randomUUID())));
            case WECHAT -> {
                String timestamp = String.valueOf(Instant.now().getEpochSecond());
                String nonce = "demo" + n + "-" + random.nextInt(1_000_000);
                String xml = "<xml><ToUserName><![CDATA[gh_wenzheng]]></ToUserName><FromUserName><![CDATA[o_demo" + (n % 97)
                        + "]]></FromUserName><CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                        + body.replace("]]>", "]] >") + "]]></Content><MsgId>" + (System.currentTimeMillis() * 1000 + n % 1000) + "</MsgId></xml>";
                yield HttpRequest.newBuilder(URI.create(settings.intakeUrl() + "/channels/wechat/demo?signature="
                                + sha1("wenzheng-demo", timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce))
                        .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8));
            }
            case WEIBO -> {
                String timestamp = String.valueOf(System.currentTimeMillis());
                String nonce = "demo" + n + "-" + random.nextInt(1_000_000);
                String push = EventJson.mapper().writeValueAsString(Map.of("type", "text", "receiver_id", 1902538057L,
                        "sender_id", 2489518000L + n % 97, "created_at", Instant.now().toString(), "text", body, "data", Map.of()));
                yield HttpRequest.newBuilder(URI.create(settings.intakeUrl() + "/channels/weibo/demo?signature="
                                + sha1("wenzheng-demo", timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(push, StandardCharsets.UTF_8));
            }
        };
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void watch() {
        try (consumer) {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        react(header(record, "ce_type"), record.key(), EventJson.mapper().readTree(record.value()));
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // stopping
        }
    }

    /** What a unit (or the call-back desk) does about an event; only today's petitions, never history. */
    private void react(String type, String petitionId, JsonNode data) {
        if (type == null || petitionId == null) {
            return;
        }
        switch (type) {
            case "wenzheng.petition.received.v1" -> {
                JsonNode imported = data.path("imported");
                if (imported.isMissingNode() || imported.path("resolvedAt").isMissingNode()) {
                    live.add(petitionId);
                }
            }
            case "wenzheng.petition.routed.v1" -> {
                if (live.contains(petitionId)) {
                    plan(petitionId, data.path("unitCode").asText());
                }
            }
            case "wenzheng.petition.resolved.v1" -> {
                if (live.remove(petitionId)) {
                    later(Duration.ofSeconds(60 + random.nextInt(120)), () -> rate(petitionId));
                }
            }
            case "wenzheng.petition.awaiting-citizen.v1" -> {
                if (live.contains(petitionId)) {
                    later(Duration.ofSeconds(60 + random.nextInt(120)), () -> operator(petitionId, "citizen-replies",
                            Map.of("message", "补充说明：具体位置在小区东门附近，白天晚上都有这个情况。")));
                }
            }
            default -> {
                // other events change nothing for the simulated units
            }
        }
    }

    /** One unit's handling of one case: each unit has its own pace, and answers are spread around the median. */
    private void plan(String petitionId, String unit) {
        double pace = pace(unit);
        if (random.nextDouble() < 0.06 && handedBack.add(petitionId)) {
            later(seconds(45 * pace), () -> command(unit, petitionId, "wenzheng.unit.hand-back.v1",
                    Map.of("reason", "经核实，该事项不属于本单位职责范围，请重新分派。")));
            return;
        }
        Duration signFor = seconds((20 + random.nextInt(60)) * pace);
        // Log-normal around the median: most answers well inside the pledge, a tail of late ones.
        Duration answer = seconds(settings.answer().toSeconds() * pace * Math.exp(0.8 * random.nextGaussian()));
        if (answer.compareTo(signFor) <= 0) {
            answer = signFor.plusSeconds(30);
        }
        Duration resolve = answer.plus(seconds((120 + random.nextInt(480)) * pace));
        later(signFor, () -> command(unit, petitionId, "wenzheng.unit.sign-for.v1", Map.of()));
        later(answer, () -> command(unit, petitionId, "wenzheng.unit.respond.v1",
                Map.of("message", "您好，您反映的问题已收悉，我单位已安排工作人员现场核实，将尽快处理并答复。")));
        double roll = random.nextDouble();
        if (roll < 0.1) {
            later(answer.plusSeconds(60), () -> command(unit, petitionId, "wenzheng.unit.ask-citizen.v1",
                    Map.of("message", "请补充具体位置（小区、楼栋或路段）和发生时间，便于现场核查。")));
            resolve = resolve.plusSeconds(300);
        } else if (roll < 0.4) {
            later(answer.plus(resolve.minus(answer).dividedBy(2)), () -> command(unit, petitionId, "wenzheng.unit.report-progress.v1",
                    Map.of("message", "工作人员已到现场核查，正在协调相关单位整改。")));
        }
        later(resolve, () -> command(unit, petitionId, "wenzheng.unit.resolve.v1",
                Map.of("message", "经核查，问题已整改完毕。感谢您对我们工作的监督，如有疑问请拨打12345。")));
    }

    private void rate(String petitionId) {
        if (random.nextDouble() < 0.3) {
            return; // not every citizen takes the call-back
        }
        int rating = random.nextDouble() < 0.75 ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
        operator(petitionId, "rating", Map.of("rating", rating, "comment", rating >= 4 ? "处理及时，满意。" : "问题没有彻底解决。"));
    }

    private void operator(String petitionId, String action, Map<String, ?> body) {
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(settings.intakeUrl() + "/api/v1/petitions/" + petitionId + "/" + action))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + settings.operatorToken().get()).POST(json(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            (status / 100 == 2 ? actions : failures).incrementAndGet();
        } catch (Exception e) {
            failures.incrementAndGet();
        }
    }

    private void command(String unit, String petitionId, String type, Map<String, ?> fields) {
        Map<String, Object> data = new java.util.HashMap<>(fields);
        data.put("petitionId", petitionId);
        RecordHeaders headers = new RecordHeaders();
        String source = "demo-city/" + unit;
        for (String[] h : List.of(new String[] {"ce_specversion", "1.0"}, new String[] {"ce_id", UUID.randomUUID().toString()},
                new String[] {"ce_type", type}, new String[] {"ce_source", source}, new String[] {"ce_subject", petitionId},
                new String[] {"ce_time", Instant.now().toString()}, new String[] {"content-type", "application/json"})) {
            headers.add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(new ProducerRecord<>(Topics.unitCommands(unit), null, petitionId, EventJson.mapper().writeValueAsString(data), headers));
            actions.incrementAndGet();
        } catch (Exception e) {
            failures.incrementAndGet();
        }
    }

    /** Each unit keeps its pace: some answer in half the median time, some take twice as long. */
    static double pace(String unit) {
        return 0.4 + Math.floorMod(unit.hashCode() * 31 + 7, 100) / 50.0;
    }

    private void later(Duration delay, Runnable action) {
        if (running) {
            clock.schedule(() -> {
                if (running) {
                    action.run();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.max(1000, Math.round(s * 1000)));
    }

    private static String phone(int n) {
        return "1390951" + String.format("%04d", n % 10_000);
    }

    private static HttpRequest.BodyPublisher json(Map<String, ?> body) {
        try {
            return HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(body), StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha1(String... parts) throws Exception {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The texts the demo citizens write: the shared data's unlabelled messages with the demo city's places, or the bundled sample's. */
    public static List<Text> texts(List<DemoHistory.Message> messages) {
        List<Text> out = new ArrayList<>();
        for (DemoHistory.Message m : messages) {
            out.add(new Text(DemoHistory.place(m.subject()), DemoHistory.place(m.body())));
        }
        java.util.Collections.shuffle(out, new Random(7));
        return out;
    }

    @Override
    public void close() {
        running = false;
        clock.shutdownNow();
        consumer.wakeup();
        try {
            units.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(2));
    }
}
