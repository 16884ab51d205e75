package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13 item 1: bodies that are small on the wire but huge once parsed, alone and several at
 * once, against the server as {@code localdb start} runs it (32 MiB heap, exit on out-of-memory).
 * Each gets a 4xx (or a 503 to retry), the process stays up and nothing is stored.
 */
class HostileBodiesTest {
    @TempDir
    Path home;
    ServerProcess server;
    int port;

    @BeforeEach
    void start() throws Exception {
        server = ServerProcess.start(home);
        port = server.awaitPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theIssuesMebibyteOfEmptyObjectsIsRefusedAsPlainTextAndAsJson() throws Exception {
        String body = emptyObjects(RequestBody.MAX_BYTES); // about 350,000 objects

        // From the page on another port, as the issue sent it: refused by its origin (item 6) before
        // the body is read; the client may see the 403 or, its body unread, a reset connection.
        int fromPage;
        try {
            fromPage = postFromPage(body, "text/plain").statusCode();
        } catch (java.io.IOException reset) {
            fromPage = 403;
        }
        // The same bodies from a tool (no Origin), which gets as far as the body's cost.
        HttpResponse<String> plain = postAsTool(body, "text/plain");
        HttpResponse<String> json = postAsTool(body, "application/json");

        assertThat(fromPage).isEqualTo(403);
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(415);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(413);
        assertThat(json.body()).contains("nodes");
        assertStillUpAndNothingStored();
    }

    @Test
    void fourConcurrent400KiBBodiesOfEmptyObjectsAreRefused() throws Exception {
        String body = emptyObjects(400 * 1024);

        List<HttpResponse<String>> answers = concurrently(4, () -> postAsTool(body, "application/json"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413));
        assertStillUpAndNothingStored();
    }

    @Test
    void manyConcurrentLargestDocumentsAreStoredOrToldToRetryButNeverEndTheServer() throws Exception {
        String body = "{\"text\":\"" + "x".repeat(RequestBody.MAX_BYTES - 20) + "\"}";

        List<HttpResponse<String>> answers = concurrently(32, () -> postAsTool(body, "application/json"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isIn(201, 503);
            if (answer.statusCode() == 503) {
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
        });
        List<String> stored = answers.stream().filter(answer -> answer.statusCode() == 201)
                .map(answer -> answer.headers().firstValue("Location").orElseThrow()).toList();
        assertThat(stored).as("some were stored").isNotEmpty();
        // Reading them back, as many at once, costs no more than writing them.
        List<HttpResponse<String>> reads = concurrently(32, new Request() {
            private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public HttpResponse<String> send() throws Exception {
                return server.get(port, stored.get(next.getAndIncrement() % stored.size()));
            }
        });
        assertThat(reads).allSatisfy(read -> assertThat(read.statusCode()).isEqualTo(200));
        assertThat(server.process.isAlive()).as("server process alive (log: %s)", server.log()).isTrue();
        assertThat(server.get(port, "/health").statusCode()).isEqualTo(200);
    }

    /** {@code {"a":[{},{},...]}} of about {@code bytes} bytes: three bytes per object. */
    private static String emptyObjects(int bytes) {
        int objects = (bytes - "{\"a\":[{}]}".length()) / 3;
        return "{\"a\":[" + "{},".repeat(objects) + "{}]}";
    }

    /** As a page on another local port sends it: no preflight is needed for text/plain. */
    private HttpResponse<String> postFromPage(String body, String contentType) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/things"))
                .header("Origin", "http://localhost:5173").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** As curl or a script sends it: no Origin, so only the body's type and cost can refuse it. */
    private HttpResponse<String> postAsTool(String body, String contentType) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/things"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static List<HttpResponse<String>> concurrently(int clients, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.send();
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertStillUpAndNothingStored() throws Exception {
        assertThat(server.process.isAlive()).as("server process alive (log: %s)", server.log()).isTrue();
        assertThat(server.get(port, "/health").statusCode()).isEqualTo(200);
        assertThat(server.get(port, "/api/collections").body()).isEqualTo("{\"collections\":[]}");
    }

    @FunctionalInterface
    private interface Request {
        HttpResponse<String> send() throws Exception;
    }
}
