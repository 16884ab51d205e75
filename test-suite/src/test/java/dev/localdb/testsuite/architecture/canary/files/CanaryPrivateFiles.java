package dev.localdb.testsuite.architecture.canary.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Clean: the files module may do file I/O with the JDK alone. */
public final class CanaryPrivateFiles {
    private CanaryPrivateFiles() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        Files.write(file, content);
    }
}
