package io.wenzheng.devstack.process;

import java.nio.file.Path;

/** Finds the java launcher of the running JVM, so children use the same JDK. */
public final class JavaCommand {
    private JavaCommand() {
    }

    public static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
