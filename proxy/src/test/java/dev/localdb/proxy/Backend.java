package dev.localdb.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * A project's dev server, played by the JDK's HTTP server on 127.0.0.1. It answers with what it
 * received, so tests see the request exactly as the proxy forwarded it.
 */
final class Backend implements AutoCloseable {
    /** Counted down when /count has read its first body bytes (while the client still sends). */
    final CountDownLatch bodyStarted = new CountDownLatch(1);
    /** /stream writes its second part only after the test counts this down. */
    final CountDownLatch sendRest = new CountDownLatch(1);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    Backend(String name) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", exchange -> echo(name, exchange));
        server.createContext("/count", this::count);
        server.createContext("/stream", this::stream);
    }

    static Backend start(String name) throws IOException {
        Backend backend = new Backend(name);
        backend.server.start();
        return backend;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** "name: value" lines of what it saw (header names lower-case), a blank line, then the body. */
    private static void echo(String name, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        StringBuilder text = new StringBuilder()
                .append("backend: ").append(name).append('\n')
                .append("method: ").append(exchange.getRequestMethod()).append('\n')
                .append("uri: ").append(exchange.getRequestURI()).append('\n')
                .append("remote-port: ").append(exchange.getRemoteAddress().getPort()).append('\n');
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((header, values) -> headers.put(header.toLowerCase(Locale.ROOT), values));
        headers.forEach((header, values) -> text.append(header).append(": ").append(String.join(",", values)).append('\n'));
        text.append('\n').append(new String(body, StandardCharsets.UTF_8));
        respond(exchange, 200, text.toString());
    }

    private void count(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] buffer = new byte[64 * 1024];
        CRC32 crc = new CRC32();
        long total = 0;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            crc.update(buffer, 0, read);
            total += read;
            bodyStarted.countDown();
        }
        respond(exchange, 200, "bytes=" + total + " crc=" + crc.getValue());
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                sendRest.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The echo's header lines as a map (first occurrence of each line name). */
    static Map<String, String> seen(String echo) {
        Map<String, String> seen = new TreeMap<>();
        for (String line : echo.substring(0, echo.indexOf("\n\n")).split("\n")) {
            int colon = line.indexOf(':');
            seen.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return seen;
    }

    static String body(String echo) {
        return echo.substring(echo.indexOf("\n\n") + 2);
    }

    @Override
    public void close() {
        sendRest.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
