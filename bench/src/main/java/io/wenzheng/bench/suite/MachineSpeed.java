package io.wenzheng.bench.suite;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A fixed piece of CPU work, timed between phases while the suite idles. Runs of one build have differed by a third in
 * CPU per petition, every service at once; if this work takes longer in the slow runs, the machine (a virtual one,
 * which reports no steal time) was slower, not the code.
 */
final class MachineSpeed {
    static final int MEGABYTES = 64;
    private static final int REPEATS = 7;

    private MachineSpeed() {
    }

    /** Milliseconds for SHA-256 over {@link #MEGABYTES} MB on one thread: the median of seven tries. */
    static double workMillis() {
        return workMillis(MEGABYTES);
    }

    static double workMillis(int megabytes) {
        double[] tries = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            tries[i] = once(megabytes);
        }
        java.util.Arrays.sort(tries);
        return tries[REPEATS / 2];
    }

    private static double once(int megabytes) {
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long start = System.nanoTime();
            for (int i = 0; i < megabytes; i++) {
                sha.update(block);
            }
            sha.digest();
            return (System.nanoTime() - start) / 1e6;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
