package io.wenzheng.devstack.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Access tokens from a real Keycloak, obtained the way real clients obtain them: people through the console's
 * authorization-code flow with PKCE (the login form filled in as a browser would), department systems through the
 * client-credentials grant. Tokens are cached until shortly before they expire.
 */
public final class Tokens {
    public static final String CONSOLE_CLIENT = "wenzheng-console";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> logins = new ConcurrentHashMap<>();

    private record Token(String value, long expiresAtNanos) {
    }

    public Tokens(String issuer) {
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    /** A demo user's access token; demo passwords are {@code demo-<username>} unless WENZHENG_DEMO_PASSWORD is set. */
    public String of(String username) {
        return cached("user:" + username, () -> login(username, demoPassword(username)));
    }

    /** A department system's token, from its service-account client. */
    public String ofClient(String clientId, String secret) {
        return cached("client:" + clientId, () -> post(issuer + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret), HttpClient.newHttpClient()));
    }

    public static String demoPassword(String username) {
        String shared = System.getenv("WENZHENG_DEMO_PASSWORD");
        return shared == null || shared.isBlank() ? "demo-" + username : shared;
    }

    /** Code flow with PKCE (S256) through the login page, exactly as the console does it in a browser. */
    public JsonNode login(String username, String password) {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = randomUrlSafe(48);
        String redirect = "http://127.0.0.1:9/callback"; // never visited: the code is read off the redirect
        String state = randomUrlSafe(16);
        String authorize = issuer + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", CONSOLE_CLIENT, "response_type", "code", "scope", "openid", "redirect_uri", redirect,
                "state", state, "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        // Keycloak marks its session cookies Secure, which java.net's cookie store never sends over plain HTTP;
        // a browser treats 127.0.0.1 as a secure context and does. So this jar keeps them by hand.
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        keepCookies(page, cookies);
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no login form at " + authorize + " (HTTP " + page.statusCode() + ")");
        }
        String postTo = action.group(1).replace("&amp;", "&");
        HttpResponse<String> afterLogin = send(browser, HttpRequest.newBuilder(URI.create(postTo))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "credentialId", ""))))
                .build());
        String location = afterLogin.headers().firstValue("Location").orElse("");
        if (afterLogin.statusCode() != 302 || !location.startsWith(redirect)) {
            throw new IllegalStateException("login of " + username + " refused (HTTP " + afterLogin.statusCode() + "): "
                    + refusal(afterLogin.body()));
        }
        Map<String, String> query = parseQuery(URI.create(location).getRawQuery());
        if (!state.equals(query.get("state"))) {
            throw new IllegalStateException("state mismatch after login");
        }
        return post(issuer + "/protocol/openid-connect/token", Map.of("grant_type", "authorization_code",
                "client_id", CONSOLE_CLIENT, "code", query.get("code"), "redirect_uri", redirect, "code_verifier", verifier), browser);
    }

    private static void keepCookies(HttpResponse<?> response, Map<String, String> jar) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                jar.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }

    /**
     * One login per key at a time: when a token expires under load, hundreds of callers would otherwise log in at
     * once, and Keycloak's brute-force protection then refuses the user's correct password.
     */
    private String cached(String key, java.util.function.Supplier<JsonNode> fetch) {
        Token token = cache.get(key);
        if (token != null && System.nanoTime() <= token.expiresAtNanos()) {
            return token.value();
        }
        synchronized (logins.computeIfAbsent(key, k -> new Object())) {
            token = cache.get(key);
            if (token == null || System.nanoTime() > token.expiresAtNanos()) {
                JsonNode response = fetch.get();
                long lifetime = Math.max(10, response.path("expires_in").asLong(60) - 30);
                token = new Token(response.path("access_token").asText(), System.nanoTime() + Duration.ofSeconds(lifetime).toNanos());
                cache.put(key, token);
            }
            return token.value();
        }
    }

    /** What the login page said, without its markup and scripts: Keycloak's message sits near the end of the form. */
    private static String refusal(String page) {
        String text = page.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? "…" + text.substring(text.length() - 200) : text;
    }

    private static JsonNode post(String url, Map<String, String> fields, HttpClient http) {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint said " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }
}
