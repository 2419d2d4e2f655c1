package io.wenzheng.devstack.process;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the Debian packages a test or the launcher needs (Chromium for browser tests, a CJK font for PDF
 * reports), so a clean machine with only a JDK and Maven can run everything. Prints what it does; fails loudly
 * rather than letting a test skip.
 */
public final class DebianPackages {
    private static boolean updated;

    private DebianPackages() {
    }

    /**
     * Test JVMs of modules built in parallel may ask at once, and apt refuses a second caller while the first holds
     * dpkg's lock; so callers on this machine take turns on a file lock and look again once it is theirs.
     */
    public static synchronized void ensure(String... packages) {
        if (missing(packages).isEmpty()) {
            return;
        }
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "wenzheng-debian-packages.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            install(missing(packages));
        } catch (IOException e) {
            throw new IllegalStateException("cannot take the lock " + lockFile + " to install " + List.of(packages), e);
        }
    }

    private static List<String> missing(String... packages) {
        List<String> missing = new ArrayList<>();
        for (String p : packages) {
            if (!installed(p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    private static void install(List<String> missing) {
        if (missing.isEmpty()) {
            return;
        }
        System.out.println("[wenzheng] installing Debian packages " + missing + " (once per machine) ...");
        if (!updated) {
            run(List.of("apt-get", "update", "-qq"));
            updated = true;
        }
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends"));
        install.addAll(missing);
        run(install);
        for (String p : missing) {
            if (!installed(p)) {
                throw new IllegalStateException("Debian package " + p + " is still not installed");
            }
        }
        System.out.println("[wenzheng] installed " + missing);
    }

    private static boolean installed(String pkg) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Status}", pkg).redirectErrorStream(true).start();
            String status = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && status.contains("install ok installed");
        } catch (IOException e) {
            throw new IllegalStateException("cannot ask dpkg about " + pkg + "; this needs a Debian machine", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command) {
        String[] sudo = isRoot() ? new String[0] : new String[] {"sudo", "-n"};
        List<String> full = new ArrayList<>(List.of(sudo));
        full.addAll(command);
        try {
            ProcessBuilder builder = new ProcessBuilder(full).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = builder.start();
            if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + full, e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
