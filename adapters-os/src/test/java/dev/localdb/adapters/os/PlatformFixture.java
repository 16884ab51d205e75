package dev.localdb.adapters.os;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** A tool's output from src/test/resources/platform, without its '#' header (which says where it came from). */
final class PlatformFixture {
    private PlatformFixture() {
    }

    static String read(String name) {
        try (InputStream in = PlatformFixture.class.getResourceAsStream("/platform/" + name)) {
            if (in == null) {
                throw new AssertionError("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
