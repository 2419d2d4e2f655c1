package io.wenzheng.intake.citizen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Citizen contact data at rest: AES-256-GCM with a random nonce per value. The citizen reference that travels in
 * events is an HMAC of the normalised phone number, so analytics can count repeat petitioners without seeing who
 * they are.
 */
public final class ContactVault {
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec referenceKey;

    public ContactVault(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the PII key must be 32 bytes (base64 of 256 bits)");
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "encrypt"), "AES");
        this.referenceKey = new SecretKeySpec(derive(masterKey, "reference"), "HmacSHA256");
    }

    public String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt contact data", e);
        }
    }

    public String decrypt(String ciphertext) {
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt contact data: wrong key or tampered value", e);
        }
    }

    /** A stable opaque reference for a citizen identified by phone number; "c-" plus 16 hex characters. */
    public String citizenRef(String phone) {
        String normalised = phone.replaceAll("[^0-9]", "");
        normalised = normalised.startsWith("86") && normalised.length() == 13 ? normalised.substring(2) : normalised;
        return "c-" + HexFormat.of().formatHex(hmac(referenceKey, normalised.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /** A stable opaque reference for a citizen known by a platform id (a WeChat openid, a Weibo uid). */
    public String citizenRef(io.wenzheng.contracts.Channel platform, String platformId) {
        String key = platform.name() + ":" + platformId;
        return "c-" + HexFormat.of().formatHex(hmac(referenceKey, key.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    private static byte[] derive(byte[] master, String purpose) {
        return hmac(new SecretKeySpec(master, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
