package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulStopTest {
    private static final String BODY = "{\"text\":\"in flight\"}";

    @TempDir
    Path home;

    @Test
    void stopLetsARequestInFlightFinishAndRefusesNewOnes() throws Exception {
        TestServer server = TestServer.start(home);
        try (Socket slowClient = new Socket()) {
            slowClient.connect(new InetSocketAddress(LoopbackAddresses.IPV4, server.port()));
            slowClient.setSoTimeout(30_000);
            OutputStream out = slowClient.getOutputStream();
            send(out, "POST /api/notes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + BODY.length() + "\r\nConnection: close\r\n\r\n" + BODY.substring(0, 5));
            awaitCondition(() -> server.server.requestsInFlight() == 1);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.server.stop(Duration.ofSeconds(60)));
            awaitCondition(() -> newRequestStatus(server.port()) == 503);
            assertThat(stopping).isNotDone(); // it waits for the slow client
            assertThat(server.config.serverInfoFile()).exists();

            send(out, BODY.substring(5));
            String response = new String(slowClient.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(TestServer.status(response)).isEqualTo(201);
            stopping.join();
            assertThat(server.config.serverInfoFile()).doesNotExist();
        } finally {
            server.close();
        }
        try (TestServer again = TestServer.start(home)) {
            assertThat(again.get("/api/notes").body()).contains("in flight");
        }
    }

    @Test
    void aRequestThatNeverFinishesCannotHoldTheStopBeyondTheGracePeriod() throws Exception {
        TestServer server = TestServer.start(home);
        try (Socket stuckClient = new Socket()) {
            stuckClient.connect(new InetSocketAddress(LoopbackAddresses.IPV4, server.port()));
            send(stuckClient.getOutputStream(), "PUT /api/notes/abc HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{");
            awaitCondition(() -> server.server.requestsInFlight() == 1);

            server.server.stop(Duration.ofMillis(100));

            assertThat(server.config.serverInfoFile()).doesNotExist();
        } finally {
            server.close();
        }
    }

    private static int newRequestStatus(int port) {
        try {
            return TestServer.status(TestServer.raw(LoopbackAddresses.IPV4, port, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        } catch (Exception e) {
            return -1;
        }
    }

    private static void send(OutputStream out, String text) throws Exception {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Polls until the condition holds; gives up (and fails) only after a generous minute. */
    static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition never became true");
            }
            Thread.sleep(10);
        }
    }
}
