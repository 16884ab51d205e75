package dev.localdb.server;

import dev.localdb.domain.model.ProjectName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real server on 127.0.0.1 and a port the system chose, with its files under a temp home. */
final class TestServer implements AutoCloseable {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\nContent-Length: *([0-9]+)\r\n");
    static final ProjectName PROJECT = ProjectName.of("demo");
    final LocalDbServer server;
    final ServerConfig config;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer(ServerConfig config) {
        this.config = config;
        this.server = new LocalDbServer(config);
        server.start();
    }

    static TestServer start(Path home) {
        return start(home, ProjectsOverview.none());
    }

    static TestServer start(Path home, ProjectsOverview overview) {
        return new TestServer(config(home, overview));
    }

    static TestServer start(ServerConfig config) {
        return new TestServer(config);
    }

    static ServerConfig config(Path home, ProjectsOverview overview) {
        return new ServerConfig(PROJECT, 0, home.resolve("data"), home.resolve("run/server.json"),
                List.of(LoopbackAddresses.IPV4), overview);
    }

    int port() {
        return server.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends raw bytes (for headers HttpClient will not send, e.g. a foreign Host) and reads the whole reply. */
    String raw(String request) throws IOException {
        return raw(LoopbackAddresses.IPV4, port(), request);
    }

    static String raw(InetAddress address, int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 10_000);
            socket.setSoTimeout(30_000); // a guard against hanging forever, not a speed requirement
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** Reads one response: the head, then Content-Length bytes (or up to the end of the stream). */
    static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.UTF_8);
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = CONTENT_LENGTH.matcher(headText);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
        return headText + new String(body, StandardCharsets.UTF_8);
    }

    static int status(String rawResponse) {
        return Integer.parseInt(rawResponse.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
    }

    static String body(String rawResponse) {
        return rawResponse.substring(rawResponse.indexOf("\r\n\r\n") + 4);
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(5));
    }
}
