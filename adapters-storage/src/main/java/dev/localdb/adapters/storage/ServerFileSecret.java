package dev.localdb.adapters.storage;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The dashboard secret in a running server's {@code server.json} (see {@link RunningServerFiles}),
 * from which {@code localdb open} mints a one-time control ticket.
 */
public final class ServerFileSecret {
    private static final int MAX_BYTES = 64 * 1024;
    // Streaming only (SmallJsonFile): `localdb open` should not pay for starting Jackson's data binding.

    private ServerFileSecret() {
    }

    /**
     * The secret in {@code serverFile} when it was written by the server on {@code port}; empty
     * when the file is missing, unreadable, damaged or from a server on another port (e.g. the
     * server has not written it yet, or a stale one is left over), so the caller opens the plain URL.
     */
    public static Optional<byte[]> of(Path file, int port) {
        Optional<String> token = SmallJsonFile.read(file, MAX_BYTES, parser -> {
            Integer filePort = null;
            String text = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("port") && value == JsonToken.VALUE_NUMBER_INT) {
                    filePort = parser.getIntValue();
                } else if (field.equals("token") && value == JsonToken.VALUE_STRING) {
                    text = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            return filePort != null && filePort == port ? Optional.ofNullable(text) : Optional.empty();
        });
        try {
            return token.map(Base64.getUrlDecoder()::decode);
        } catch (IllegalArgumentException damaged) {
            return Optional.empty(); // a damaged or half-written file: open the plain URL instead
        }
    }
}
