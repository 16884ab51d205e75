package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a few fields of a small JSON object file with the streaming API, as localdb reads files it
 * did not necessarily write (a project's package.json, a server's server.json): a plain file only
 * (no link followed), at most {@code maxBytes} of it, and empty for anything missing, unreadable
 * or not an object, which the caller treats as "not there".
 */
final class SmallJsonFile {
    private static final JsonFactory JSON = new JsonFactory();

    private SmallJsonFile() {
    }

    /** Reads the fields of the top-level object; the parser stands just after its START_OBJECT. */
    @FunctionalInterface
    interface ObjectReader<T> {
        Optional<T> read(JsonParser parser) throws IOException;
    }

    static <T> Optional<T> read(Path file, int maxBytes, ObjectReader<T> reader) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
             JsonParser parser = JSON.createParser(in.readNBytes(maxBytes))) {
            return parser.nextToken() == JsonToken.START_OBJECT ? reader.read(parser) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty(); // a damaged or half-written file
        }
    }
}
