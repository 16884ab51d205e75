package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader sizes its array by the file's size when it was inspected; without the lock the file
 * may have grown or shrunk by the time it is read, and what is read is still the whole file, up to
 * one byte over the limit (which the caller refuses).
 */
class RegistryFileReadAllTest {
    @TempDir
    Path dir;

    private byte[] readAll(byte[] content, int expected) throws IOException {
        Path file = dir.resolve("registry.json");
        Files.write(file, content);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return RegistryFileReader.readAll(in, expected);
        }
    }

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void readsAFileOfTheInspectedSize() throws IOException {
        byte[] content = content(815_000);
        assertThat(readAll(content, content.length)).isEqualTo(content);
        assertThat(readAll(new byte[0], 0)).isEmpty();
    }

    @Test
    void readsAFileThatGrewOrShrankSinceItWasInspected() throws IOException {
        byte[] content = content(10_000);
        assertThat(readAll(content, 100)).isEqualTo(content);
        assertThat(readAll(content, 0)).isEqualTo(content);
        assertThat(readAll(content, 20_000)).isEqualTo(content);
    }

    @Test
    void stopsOneByteOverTheLimit() throws IOException {
        byte[] content = content(RegistryJson.MAX_BYTES + 5_000);
        assertThat(readAll(content, 100)).hasSize(RegistryJson.MAX_BYTES + 1);
        assertThat(readAll(content, RegistryJson.MAX_BYTES)).hasSize(RegistryJson.MAX_BYTES + 1);
    }
}
