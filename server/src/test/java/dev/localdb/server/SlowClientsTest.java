package dev.localdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13 item 3: a dozen connections that send their headers one byte a second neither keep
 * {@code /health} from answering nor hold their threads for longer than the request timeout.
 */
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 12;

    @TempDir
    Path home;

    @Test
    void aDozenClientsTricklingTheirHeadersNeitherBlockHealthNorStayConnected() throws Exception {
        ExecutorService tricklers = Executors.newFixedThreadPool(SLOW_CLIENTS);
        try (ServerProcess server = ServerProcess.start(home)) {
            int port = server.awaitPort();
            String request = "GET /health HTTP/1.1\r\nHost: localhost:" + port + "\r\nX-Slow: " + "s".repeat(100) + "\r\n\r\n";
            List<Future<Long>> cutOffAfter = new ArrayList<>();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                cutOffAfter.add(tricklers.submit(() -> trickle(port, request)));
            }
            Thread.sleep(2_000); // every slow client has sent its first bytes

            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                long started = System.nanoTime();
                String answer = TestServer.raw(LoopbackAddresses.IPV4, port,
                        "GET /health HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n");
                millis.add((System.nanoTime() - started) / 1_000_000);
                assertThat(TestServer.status(answer)).isEqualTo(200);
            }
            millis.sort(null);
            System.out.println("SlowClientsTest: GET /health with " + SLOW_CLIENTS + " slow clients: median "
                    + millis.get(millis.size() / 2) + " ms, max " + millis.get(millis.size() - 1) + " ms");
            assertThat(millis.get(millis.size() - 1)).as("slowest /health in ms, all: %s", millis).isLessThan(1_000);

            for (Future<Long> cutOff : cutOffAfter) {
                assertThat(cutOff.get(60, TimeUnit.SECONDS)).as("ms until the server closed a slow client")
                        .isLessThan((LoopbackListeners.REQUEST_SECONDS + 3) * 1_000L);
            }
            assertThat(server.process.isAlive()).isTrue();
        } finally {
            tricklers.shutdownNow();
        }
    }

    /** Sends one byte a second; returns the milliseconds until the server closed the connection. */
    private static long trickle(int port, String request) throws IOException, InterruptedException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LoopbackAddresses.IPV4, port), 10_000);
            socket.setSoTimeout(1_000);
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < bytes.length; i++) {
                try {
                    out.write(bytes[i]);
                    out.flush();
                    if (socket.getInputStream().read() < 0) {
                        break; // closed by the server
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    continue; // a second passed: send the next byte
                } catch (IOException closed) {
                    break;
                }
            }
            return (System.nanoTime() - started) / 1_000_000;
        }
    }
}
