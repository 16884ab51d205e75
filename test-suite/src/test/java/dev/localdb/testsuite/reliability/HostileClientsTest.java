package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.ListeningSockets;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded server that {@code localdb start} runs, against clients that are not a friendly
 * browser: it listens on loopback only, refuses foreign Host headers (DNS rebinding), survives
 * malformed and oversized requests without storing anything, and loses no write when 200 clients
 * store documents at the same moment. The server module tests each of these in depth; this is
 * the same promise for the server as users get it, in one start.
 */
class HostileClientsTest {
    private static final int CLIENTS = 200;
    private static final Pattern URL = Pattern.compile("URL: http://localhost:(\\d+)\\n");

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @Test
    void theStartedServerIsLocalRefusesHostileRequestsAndLosesNoConcurrentWrite() throws Exception {
        Result started = sandbox.localdb().run("start", "api", "--create", "--no-browser");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        Matcher url = URL.matcher(started.out());
        assertThat(url.find()).as(started.toString()).isTrue();
        int port = Integer.parseInt(url.group(1));

        assertThat(ListeningSockets.on(port)).as("listening on loopback only").isNotEmpty()
                .allSatisfy(address -> assertThat(address).isIn(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")));
        int refused = foreignHostsAreRefused(port);
        int malformed = malformedRequestsAreRefusedAndChangeNothing(port);
        concurrentClientsLoseNoWrite(port);
        Figures.record("HostileClientsTest", refused + " foreign Host headers refused, " + malformed + " malformed or oversized"
                + " requests refused, " + CLIENTS + " concurrent clients: " + CLIENTS + " documents stored, 0 lost");
    }

    private int foreignHostsAreRefused(int port) throws IOException {
        List<String> foreign = List.of("Host: evil.example", "Host: evil.example:" + port, "Host: localhost.evil.example:" + port,
                "Host: 127.0.0.1.nip.io:" + port, "Host: 0.0.0.0:" + port, "Host: [::ffff:127.0.0.1]:" + port,
                "Host: localhost:" + port + "\r\nHost: evil.example", "X-No-Host: 1");
        for (String host : foreign) {
            String answer = Http.raw(port, "GET /health HTTP/1.1\r\n" + host + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(host).startsWith("HTTP/1.1 403 ");
        }
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST")) {
            String answer = Http.raw(port, "GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(host).startsWith("HTTP/1.1 200 ");
        }
        return foreign.size();
    }

    /** Each gets a 4xx answer or a closed connection, never a success or a server error; the server stays up. */
    private int malformedRequestsAreRefusedAndChangeNothing(int port) throws Exception {
        String host = "Host: localhost:" + port + "\r\n";
        String json = "Content-Type: application/json\r\n";
        List<String> requests = List.of(
                "GARBAGE\r\n\r\n",
                "GET\r\n\r\n",
                "\u0000\u0001\u0002\u00ff\r\n\r\n",
                "GET /" + "a".repeat(64 * 1024) + " HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(1024 * 1024) + "\r\nConnection: close\r\n\r\n",
                "POST /api/notes HTTP/1.1\r\n" + host + json + "Content-Length: -5\r\nConnection: close\r\n\r\n{}",
                "POST /api/notes HTTP/1.1\r\n" + host + json + "Content-Length: abc\r\nConnection: close\r\n\r\n{}",
                post(host, "{\"a\": tru"),
                post(host, "[1]"),
                post(host, "{\"blob\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"),
                "PUT /api/..%2F..%2Fescape/1 HTTP/1.1\r\n" + host + json + "Content-Length: 2\r\nConnection: close\r\n\r\n{}",
                "DELETE /api/notes/..%2F..%2Fproject.json HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
        for (String request : requests) {
            String answer = rawOrClosed(port, request);
            String shown = StringProperty.shown(request.length() > 80 ? request.substring(0, 80) : request);
            if (!answer.isEmpty()) {
                assertThat(answer).as(shown).matches("(?s)HTTP/1\\.[01] 4\\d\\d .*")
                        .doesNotContainPattern("\\n\\s+at [\\w.$]+\\(");
                if (answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json")) {
                    NoStackTrace.in(answer); // localdb's own answers; the JDK's framing errors name their cause
                }
            }
            assertThat(http.get(port, "/health").status()).as("still up after " + shown).isEqualTo(200);
        }
        assertThat(http.get(port, "/api/notes").json().get("documents")).as("nothing was stored").isEmpty();
        assertThat(sandbox.home().resolve("projects/api/project.json")).exists();
        return requests.size();
    }

    private void concurrentClientsLoseNoWrite(int port) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String body = "{\"client\":" + i + ",\"text\":\"" + "note of client " + i + "\"}";
                String request = post("Host: localhost:" + port + "\r\n", body);
                answers.add(clients.submit(() -> {
                    go.await();
                    return Http.raw(port, request); // its own connection: one client each
                }));
            }
            go.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get(2, TimeUnit.MINUTES)).startsWith("HTTP/1.1 201 ");
            }
        } finally {
            clients.shutdownNow();
        }
        JsonNode documents = http.get(port, "/api/notes").json().get("documents");
        Set<Integer> stored = new HashSet<>();
        Set<String> ids = new HashSet<>();
        documents.forEach(document -> {
            int client = document.get("client").asInt();
            assertThat(document.get("text").asText()).isEqualTo("note of client " + client);
            stored.add(client);
            ids.add(document.get("id").asText());
        });
        assertThat(documents).hasSize(CLIENTS);
        assertThat(ids).hasSize(CLIENTS);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(IntStream.range(0, CLIENTS).boxed().toList());
    }

    private static String post(String host, String body) {
        return "POST /api/notes HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
    }

    /** The whole answer, or "" when the server closed (or reset) the connection without one. */
    private static String rawOrClosed(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (SocketException closedWhileSending) {
                // the server may answer and close before an oversized request is sent in full
            }
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (SocketException reset) {
                return "";
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("no answer and no close within 20 s for " + StringProperty.shown(
                        request.length() > 120 ? request.substring(0, 120) : request), e);
            }
        }
    }
}
