package io.wenzheng.intake.petition;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Petition ids are ULIDs: 48 bits of milliseconds then 80 random bits, in Crockford base32. They sort by time and
 * cannot be guessed. Tracking codes are 8 random base32 characters a citizen can read out on the phone.
 */
public final class PetitionIds {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PetitionIds() {
    }

    public static String newId(Instant at) {
        char[] out = new char[26];
        long time = at.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        // 80 random bits -> 16 characters of 5 bits each.
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (random[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    public static String newTrackingCode() {
        char[] out = new char[8];
        for (int i = 0; i < out.length; i++) {
            out[i] = CROCKFORD[RANDOM.nextInt(32)];
        }
        return new String(out);
    }

    /** The millisecond a petition id was minted. */
    public static Instant timeOf(String id) {
        long time = 0;
        for (int i = 0; i < 10; i++) {
            time = (time << 5) | indexOf(id.charAt(i));
        }
        return Instant.ofEpochMilli(time);
    }

    public static boolean isValid(String id) {
        return id != null && id.matches("[0-9A-HJKMNP-TV-Z]{26}");
    }

    private static int indexOf(char c) {
        for (int i = 0; i < CROCKFORD.length; i++) {
            if (CROCKFORD[i] == c) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a ULID character: " + c);
    }
}
