package io.wenzheng.devstack.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The city's SMS gateway as the dev suite runs it, so that replies to hotline callers are delivered under
 * {@code ./wenzheng up}: {@code POST /sms/send} with the {@code X-Api-Key} header and {@code {"phone","text"}}, as intake's
 * client speaks it. It keeps what it was sent and reports each message with the number masked, never in full.
 */
public final class SmsGatewayStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message the gateway accepted. */
    public record Sent(String id, String phone, String text) {
    }

    private final HttpServer server;
    private final String apiKey;
    private final Consumer<String> say;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    private SmsGatewayStub(HttpServer server, String apiKey, Consumer<String> say) {
        this.server = server;
        this.apiKey = apiKey;
        this.say = say;
    }

    /** Listens on 127.0.0.1 at {@code port} (0: any free port). */
    public static SmsGatewayStub start(int port, String apiKey, Consumer<String> say) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        SmsGatewayStub stub = new SmsGatewayStub(server, apiKey, say);
        server.createContext("/sms/send", stub::handle);
        server.start();
        return stub;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{\"code\":405,\"message\":\"POST only\"}");
                return;
            }
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                answer(exchange, 401, "{\"code\":401,\"message\":\"unknown API key\"}");
                return;
            }
            JsonNode message;
            try (InputStream in = exchange.getRequestBody()) {
                message = JSON.readTree(in);
            } catch (IOException e) {
                answer(exchange, 400, "{\"code\":400,\"message\":\"not JSON\"}");
                return;
            }
            String phone = message == null ? "" : message.path("phone").asText("");
            String text = message == null ? "" : message.path("text").asText("");
            if (!phone.matches("\\+?[0-9]{5,20}") || text.isBlank()) {
                answer(exchange, 400, "{\"code\":400,\"message\":\"needs a phone number and a text\"}");
                return;
            }
            Sent accepted = new Sent(UUID.randomUUID().toString(), phone, text);
            sent.add(accepted);
            say.accept("SMS gateway (stub): to " + masked(phone) + ", " + text.length() + " characters: "
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text));
            answer(exchange, 200, JSON.createObjectNode().put("code", 0).put("messageId", accepted.id()).toString());
        }
    }

    /** 138****5678: enough to tell messages apart in a log, not enough to call anyone. */
    static String masked(String phone) {
        return phone.length() <= 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
