package dev.localdb.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads a request body that must be one JSON object of at most 1 MiB and {@link #MAX_NODES} nodes,
 * sent as {@code application/json}.
 */
final class RequestBody {
    static final int MAX_BYTES = 1024 * 1024;
    /**
     * Values plus field names. A parsed node costs up to about 150 bytes, so 1 MiB of
     * {@code {},{},...} (350,000 objects) would take some 50 MiB of heap; 20,000 take at most
     * about 3 MiB, and still allow e.g. 2,000 records of 9 fields.
     */
    static final int MAX_NODES = 20_000;
    private static final String JSON = "application/json";
    private static final int DISCARD_LIMIT = 4 * 1024 * 1024;

    private RequestBody() {
    }

    static ObjectNode readObject(HttpExchange exchange) throws IOException {
        requireJsonType(exchange);
        byte[] raw = readCapped(exchange);
        if (raw.length == 0) {
            throw HttpError.badRequest("The request body is empty: send a JSON object, e.g. {\"name\":\"value\"}.");
        }
        JsonNode node;
        try {
            requireFewNodes(raw);
            node = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("The request body is not valid JSON (" + e.getOriginalMessage() + where(e.getLocation()) + "): send a JSON object.");
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw HttpError.badRequest("The request body is a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                + ", not an object: send a JSON object, e.g. {\"name\":\"value\"}.");
    }

    /**
     * A page on another site may send text/plain without asking first (no CORS preflight); JSON it
     * may not. Refusing every other type keeps such writes out; {@code ; charset=...} is fine.
     */
    private static void requireJsonType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].trim();
        if (!media.equalsIgnoreCase(JSON)) {
            discardRest(exchange.getRequestBody());
            throw new HttpError(415, "The request body must be sent with Content-Type: application/json ("
                    + (type == null ? "none was sent" : "not " + Text.shorten(type)) + ").");
        }
    }

    /**
     * Counts the nodes with a streaming parser before any tree is built: the bytes alone do not
     * bound what a body costs once parsed.
     */
    private static void requireFewNodes(byte[] raw) throws IOException {
        try (JsonParser parser = Json.MAPPER.createParser(raw)) {
            int nodes = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (!token.isStructEnd() && ++nodes > MAX_NODES) {
                    throw new HttpError(413, "The request body has more than " + MAX_NODES
                            + " JSON nodes (values and field names): store smaller documents.");
                }
            }
        }
    }

    /** Trusts neither the declared length nor its absence: stops reading one byte past the limit. */
    private static byte[] readCapped(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("Invalid Content-Length \"" + Text.shorten(declared) + "\".");
            }
            if (length > MAX_BYTES) {
                if (length <= MAX_BYTES + DISCARD_LIMIT) {
                    discardRest(exchange.getRequestBody());
                }
                throw tooLarge();
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readNBytes(MAX_BYTES + 1);
            if (raw.length > MAX_BYTES) {
                discardRest(in);
                throw tooLarge();
            }
            return raw;
        } catch (IOException e) {
            // The client stopped sending or broke the framing; a storage error this is not.
            throw HttpError.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads away a moderately oversized body before answering 413. Closing a connection with unread
     * data makes the system reset it, and many clients then lose the 413 they were sent. Larger
     * bodies are not waited for: their client may not even be sending them.
     */
    static void discardRest(InputStream in) {
        byte[] sink = new byte[16 * 1024];
        long discarded = 0;
        try {
            for (int n; discarded <= DISCARD_LIMIT && (n = in.read(sink)) >= 0; ) {
                discarded += n;
            }
        } catch (IOException e) {
            // the 413 is still worth sending
        }
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "The request body is larger than 1 MiB: store smaller documents.");
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
