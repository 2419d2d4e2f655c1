package example.department;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A department's own case system, reduced to what it must do to work with Wenzheng over Kafka: read its feed
 * ({@code unit.<code>.feed}), show each case, sign for every new one (签收) and, once Wenzheng has accepted that,
 * resolve it with a reply to the citizen, through its command topic ({@code unit.commands.<code>}). Nothing here is
 * Wenzheng's code: plain kafka-clients and JSON, as docs/departments.md describes them.
 */
public final class DepartmentClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CITY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    static final String CASE_UPDATE = "wenzheng.unit.case-update.v1";
    static final String COMMAND_RESULT = "wenzheng.unit.command-result.v1";
    static final String SIGN_FOR = "wenzheng.unit.sign-for.v1";
    static final String RESOLVE = "wenzheng.unit.resolve.v1";

    /**
     * @param security  extra client settings: SASL for a production-like broker, none for {@code ./wenzheng up}
     * @param reply     what the citizen is told when a case is resolved; null to only watch
     * @param stopAfter stop after this many cases were resolved (0: run until stopped)
     */
    public record Settings(String bootstrapServers, String unitCode, String groupId, Map<String, Object> security, String reply,
                           int stopAfter) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Feed events are delivered at least once; a department deduplicates on the CloudEvents id. */
    private final Set<String> seen = new HashSet<>();
    private int resolved;

    public DepartmentClient(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        Map<String, Object> common = new HashMap<>(settings.security());
        common.put("bootstrap.servers", settings.bootstrapServers());
        Map<String, Object> consumerConfig = new HashMap<>(common);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
        Map<String, Object> producerConfig = new HashMap<>(common);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    }

    public String feedTopic() {
        return "unit." + settings.unitCode() + ".feed";
    }

    public String commandTopic() {
        return "unit.commands." + settings.unitCode();
    }

    /** Reads the feed until stopped, or until {@code stopAfter} cases are resolved, or until {@code timeout} passes. */
    public int run(Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        try {
            producer.partitionsFor(commandTopic());
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("no broker at " + settings.bootstrapServers() + " knows " + commandTopic()
                    + " (is the suite up, and is " + settings.unitCode() + " in its directory?)", e);
        } catch (org.apache.kafka.common.errors.AuthorizationException e) {
            throw new IllegalStateException("this user may not write " + commandTopic() + ": " + e.getMessage(), e);
        }
        consumer.subscribe(List.of(feedTopic()));
        say("reading %s, acting through %s", feedTopic(), commandTopic());
        while (!stopping.get() && Instant.now().isBefore(end) && (settings.stopAfter() == 0 || resolved < settings.stopAfter())) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                String id = header(record, "ce_id");
                if (id != null && seen.add(id)) {
                    handle(header(record, "ce_type"), record.key(), JSON.readTree(record.value()));
                }
            }
            // Commit only what was handled: after a crash the feed is read again from here, and the commands it
            // causes carry the same ids, which Wenzheng recognises.
            consumer.commitSync();
        }
        return resolved;
    }

    private void handle(String type, String petitionId, JsonNode data) {
        if (CASE_UPDATE.equals(type)) {
            JsonNode file = data.path("petition");
            say("%-16s %s 「%s」 %s%s", data.path("change").asText(), file.path("trackingCode").asText(), title(file),
                    file.path("status").asText(), dueTimes(file));
            if (data.path("note").isTextual()) {
                say("%16s %s", "", data.path("note").asText());
            }
            String change = data.path("change").asText();
            boolean newCase = change.equals("ROUTED") || change.equals("TRANSFERRED_IN");
            if (settings.reply() != null && data.path("withUnit").asBoolean() && newCase
                    && List.of("ROUTED", "TRANSFERRED").contains(file.path("status").asText())) {
                send(SIGN_FOR, petitionId, Map.of());
            } else if (settings.reply() != null && data.path("withUnit").asBoolean() && change.equals("REOPENED")) {
                send(RESOLVE, petitionId, Map.of("message", settings.reply()));
            }
        } else if (COMMAND_RESULT.equals(type)) {
            String command = data.path("command").asText();
            if (data.path("outcome").asText().equals("ACCEPTED")) {
                say("%-16s %s → %s", "accepted", shortName(command), data.path("status").asText());
                if (command.equals(SIGN_FOR) && settings.reply() != null) {
                    send(RESOLVE, petitionId, Map.of("message", settings.reply()));
                } else if (command.equals(RESOLVE)) {
                    resolved++;
                }
            } else {
                JsonNode problem = data.path("problem");
                say("%-16s %s: %s (%d) %s", "refused", shortName(command), problem.path("title").asText(), problem.path("status").asInt(),
                        problem.path("detail").asText(""));
            }
        }
    }

    /**
     * Sends a command keyed by the petition, with an id made of the petition and the action: the same action sent
     * twice (after a restart, say) is the same command, and Wenzheng does it once.
     */
    public void send(String type, String petitionId, Map<String, String> fields) {
        ObjectNode data = JSON.createObjectNode().put("petitionId", petitionId);
        fields.forEach(data::put);
        String commandId = settings.unitCode() + "-" + petitionId + "-" + shortName(type);
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(commandId));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("department-client/" + settings.unitCode()));
        headers.add("ce_subject", bytes(petitionId));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        try {
            producer.send(new ProducerRecord<>(commandTopic(), null, petitionId, data.toString(), headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + shortName(type) + " to " + commandTopic() + ": " + e.getMessage(), e);
        }
        say("%-16s %s", "sent", shortName(type));
    }

    public void stop() {
        stopping.set(true);
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
    }

    private static String title(JsonNode file) {
        String subject = file.path("subject").asText("");
        if (!subject.isBlank()) {
            return subject;
        }
        String text = file.path("text").asText("");
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }

    private static String dueTimes(JsonNode file) {
        StringBuilder due = new StringBuilder();
        for (JsonNode clock : file.path("clocks")) {
            if (clock.path("state").asText().equals("RUNNING")) {
                due.append(due.length() == 0 ? ", due " : "; ").append(clock.path("pledge").asText()).append(' ')
                        .append(CITY_TIME.format(Instant.parse(clock.path("dueAt").asText())))
                        .append(clock.path("calendar").asText().equals("PROVISIONAL") ? " (provisional calendar)" : "");
            }
        }
        return due.toString();
    }

    private static String shortName(String type) {
        return type.replaceFirst("^wenzheng\\.unit\\.", "").replaceFirst("\\.v\\d+$", "");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void say(String format, Object... args) {
        out.printf("[%s] %s%n", settings.unitCode(), String.format(format, args));
        out.flush();
    }
}
