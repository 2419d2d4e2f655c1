package io.wenzheng.devstack.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {
    @TempDir
    Path app;

    @Test
    void theFirstRunOfABuildWritesTheArchiveAndLaterRunsMapIt() throws Exception {
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-06T10:00:00Z")));
        Path archive = app.resolve("cds").resolve("sla-2.jsa");

        assertThat(ServiceProcess.classDataSharing(true, true, jar, "sla-2")).contains("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(archive.getParent()).isDirectory();

        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-12-06T10:05:00Z")));
        assertThat(ServiceProcess.classDataSharing(true, true, jar, "sla-2")).contains("-XX:SharedArchiveFile=" + archive)
                .noneMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void aRebuiltJarGetsAFreshArchiveInsteadOfOneTheJvmWouldRefuse() throws Exception {
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Path archive = Files.createDirectories(app.resolve("cds")).resolve("intake.jsa");
        Files.writeString(archive, "archive of the previous build");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-12-06T10:00:00Z")));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-06T11:00:00Z")));

        assertThat(ServiceProcess.classDataSharing(true, true, jar, "intake")).contains("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(archive).doesNotExist();
    }

    @Test
    void aRunThatMayNotWriteMapsAFreshArchiveButStartsNone() throws Exception {
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-06T10:00:00Z")));
        Path archive = app.resolve("cds").resolve("analytics.jsa");

        assertThat(ServiceProcess.classDataSharing(true, false, jar, "analytics")).isEmpty();

        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-12-06T10:05:00Z")));
        assertThat(ServiceProcess.classDataSharing(true, false, jar, "analytics")).contains("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void offMeansNoOption() throws Exception {
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        assertThat(ServiceProcess.classDataSharing(false, true, jar, "routing")).isEmpty();
        assertThat(app.resolve("cds")).doesNotExist();
    }
}
