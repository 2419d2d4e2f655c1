package io.wenzheng.intake.unitfeed.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a unit's endpoint knows a request is Wenzheng's: the Standard Webhooks scheme (standardwebhooks.com), which
 * departments' frameworks already verify. HMAC-SHA256 with the unit's secret over {@code id.timestamp.body}; the
 * {@code webhook-signature} header lists one {@code v1,<base64>} per valid secret, so during a rotation's overlap an
 * endpoint that still holds the old secret accepts the request too.
 */
public final class WebhookSignature {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} and 32 random bytes in base64, as Standard Webhooks libraries expect. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The header value for these secrets, the current one first. */
    public static String header(List<String> secrets, String id, long timestamp, String body) {
        StringBuilder header = new StringBuilder();
        for (String secret : secrets) {
            header.append(header.length() == 0 ? "" : " ").append("v1,").append(sign(secret, id, timestamp, body));
        }
        return header.toString();
    }

    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** What a receiving endpoint does; here for the tests and as the reference the documentation quotes. */
    public static boolean verify(String secret, String id, long timestamp, String body, String header) {
        byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String part : header.split(" ")) {
            if (part.startsWith("v1,") && MessageDigest.isEqual(expected, part.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }
}
