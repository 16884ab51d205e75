package dev.localdb.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The URL that opens a project's dashboard with control: {@code http://localhost:3000/#ticket=...}.
 * The ticket is in the fragment, which the browser never sends, so it appears in no request line,
 * log or Referer; the page's script redeems it once and removes it from the address bar.
 */
public final class DashboardLink {
    private static final int MAX_BYTES = 64 * 1024;
    // Streaming only: `localdb open` should not pay for starting Jackson's data binding.
    private static final JsonFactory JSON = new JsonFactory();

    private DashboardLink() {
    }

    /**
     * A link with a fresh one-time ticket, minted from the secret in {@code serverInfoFile}; empty
     * when that file is missing, unreadable or written by a server on another port (e.g. the
     * server has not written it yet, or a stale one is left over), so the caller opens the plain URL.
     */
    public static Optional<String> withControl(Path serverInfoFile, int port, Instant now) {
        return secretOf(serverInfoFile, port).map(secret -> "http://localhost:" + port + "/#ticket=" + DashboardTicket.mint(secret, now));
    }

    private static Optional<byte[]> secretOf(Path file, int port) {
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
