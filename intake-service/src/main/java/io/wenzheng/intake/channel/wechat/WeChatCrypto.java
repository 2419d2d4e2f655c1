package io.wenzheng.intake.channel.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The WeChat Official Account's secure-mode envelope: AES-256-CBC (random 16 bytes, 4-byte length, message, appid; PKCS#7 padding to 32-byte blocks; the IV is
 * the first 16 bytes of the key).
 */
public final class WeChatCrypto {
    private static final int BLOCK = 32;

    private final byte[] key;
    private final String appId;

    /** @param encodingAesKey the 43-character EncodingAESKey of the account */
    public WeChatCrypto(String encodingAesKey, String appId) {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("an EncodingAESKey has 43 characters");
        }
        this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        this.appId = appId;
    }

    public String encrypt(String message, byte[] random16) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = appId.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + text.length + id.length;
        int pad = BLOCK - length % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        plain.put(random16, 0, 16).putInt(text.length).put(text).put(id);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinalUnchecked(plain.array()));
    }

    /** The message inside an envelope; throws {@link IllegalArgumentException} for anything not sealed for this account. */
    public String decrypt(String envelope) {
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE).doFinalUnchecked(Base64.getDecoder().decode(envelope));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Encrypt element is not base64 of whole AES blocks", e);
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) {
            throw new IllegalArgumentException("bad padding: not sealed with this account's key");
        }
        int end = plain.length - pad;
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > end) {
            throw new IllegalArgumentException("bad message length: not sealed with this account's key");
        }
        String from = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
        if (!from.equals(appId)) {
            throw new IllegalArgumentException("sealed for another appid");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    private Aes cipher(int mode) {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return new Aes(c);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Aes(Cipher cipher) {
        byte[] doFinalUnchecked(byte[] input) {
            if (input.length == 0 || input.length % 16 != 0) {
                throw new IllegalArgumentException("ciphertext must be whole AES blocks");
            }
            try {
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot decrypt: " + e.getMessage(), e);
            }
        }
    }
}
