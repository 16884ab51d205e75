package dev.localdb.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes responses. Every error is {@code {"error":"..."}}, never a stack trace. */
final class Responses {
    private static final String JSON = "application/json; charset=utf-8";
    private static final int SLICE = 16 * 1024;

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, JSON, Json.MAPPER.writeValueAsBytes(body));
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("error", message);
        json(exchange, status, body);
    }

    /**
     * @param scriptHash the CSP hash source of the page's one inline script: no other script may
     *                   run, even if escaping ever failed; it may only fetch from this origin
     */
    static void html(HttpExchange exchange, String page, String scriptHash) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; script-src " + scriptHash + "; connect-src 'self'; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON body written as it is produced (chunked), so a large list never sits in memory whole. */
    static void streamJson(HttpExchange exchange, int status, JsonBody body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        commonHeaders(headers);
        headers.set("Content-Type", JSON);
        if (isHead(exchange)) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream out = exchange.getResponseBody();
             JsonGenerator generator = Json.MAPPER.createGenerator(out)) {
            body.writeTo(generator);
        }
    }

    /** Writes one JSON value with the generator it is given. */
    @FunctionalInterface
    interface JsonBody {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    static void noContent(HttpExchange exchange) throws IOException {
        commonHeaders(exchange.getResponseHeaders());
        exchange.sendResponseHeaders(204, -1);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        commonHeaders(headers);
        headers.set("Content-Type", contentType);
        if (isHead(exchange)) {
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1); // the JDK sends no body for HEAD
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            // In slices: the JDK server copies each write into a new buffer (and NIO caches a
            // direct buffer of that size per thread), so one big write would cost its size twice.
            for (int offset = 0; offset < body.length; offset += SLICE) {
                out.write(body, offset, Math.min(SLICE, body.length - offset));
            }
            out.flush(); // before close: closing first reads away any unread request body, which may never come
        }
    }

    private static boolean isHead(HttpExchange exchange) {
        return exchange.getRequestMethod().equals("HEAD");
    }

    private static void commonHeaders(Headers headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
    }
}
