package io.wenzheng.intake.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/** The signature WeChat and Weibo both use: sha1 of the sorted, concatenated parts, in lower-case hex. */
public final class PlatformSignature {
    private PlatformSignature() {
    }

    public static String of(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * URL verification, the same on WeChat and Weibo: the echo string comes back only when the signature over the
     * secret, timestamp and nonce is right.
     */
    public static String echo(String secret, String signature, String timestamp, String nonce, String echostr) {
        if (timestamp == null || nonce == null || echostr == null || !matches(of(secret, timestamp, nonce), signature)) {
            throw ReplayGuard.forbidden("bad signature");
        }
        return echostr;
    }

    /** Constant-time comparison of a computed signature with the one a request carries. */
    public static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
