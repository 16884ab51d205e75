package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The dashboard secret in a running server's {@code server.json} (see {@link RunningServerFiles}),
 * from which {@code localdb open} mints a one-time control ticket.
 */
public final class ServerFileSecret {
    private static final int MAX_BYTES = 64 * 1024;
    // Streaming only: `localdb open` should not pay for starting Jackson's data binding.
    private static final JsonFactory JSON = new JsonFactory();

    private ServerFileSecret() {
    }

    /**
     * The secret in {@code serverFile} when it was written by the server on {@code port}; empty
     * when the file is missing, unreadable, damaged or from a server on another port (e.g. the
     * server has not written it yet, or a stale one is left over), so the caller opens the plain URL.
     */
    public static Optional<byte[]> of(Path file, int port) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Integer filePort = null;
        String token = null;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
             JsonParser parser = JSON.createParser(in.readNBytes(MAX_BYTES))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("port") && value == JsonToken.VALUE_NUMBER_INT) {
                    filePort = parser.getIntValue();
                } else if (field.equals("token") && value == JsonToken.VALUE_STRING) {
                    token = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            if (filePort == null || filePort != port || token == null) {
                return Optional.empty();
            }
            return Optional.of(Base64.getUrlDecoder().decode(token));
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty(); // a damaged or half-written file: open the plain URL instead
        }
    }
}
