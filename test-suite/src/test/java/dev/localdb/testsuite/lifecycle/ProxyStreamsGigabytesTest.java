package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #12: request and response bodies are streamed through the proxy in both directions with
 * bounded memory. A 1 GiB download and a 1 GiB upload pass through it while its resident set is
 * sampled every 100 ms; the peak stays within a fixed bound of what it was before, so memory does
 * not grow with the body.
 */
class ProxyStreamsGigabytesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GIB = 1L << 30;
    private static final int CHUNK = 64 * 1024;
    /** The proxy JVM is capped at 64 MiB heap and 64 MiB direct memory; a body buffered whole would need 1 GiB. */
    private static final long RSS_BOUND = 64L << 20;

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    private LocalDbRunner localdb;
    private int httpPort;
    private ServerSocket backend;
    private Thread backendThread;
    private final AtomicLong uploadedAtBackend = new AtomicLong(-1);

    @BeforeEach
    void aHomeWithTheProxyOnAndABackend() throws IOException {
        httpPort = sandbox.proxyHttpPort();
        localdb = sandbox.localdbWithProxy();
        backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        backendThread = new Thread(this::serve, "gigabyte-backend");
        backendThread.setDaemon(true);
        backendThread.start();
    }

    @AfterEach
    void stopTheProxyAndTheBackend() throws Exception {
        try {
            backend.close();
            backendThread.join(5_000);
        } finally {
            localdb.run("proxy", "stop");
        }
    }

    @Test
    void aGigabyteGoesDownAndUpThroughTheProxyWithoutItsMemoryGrowing() throws Exception {
        assertThat(localdb.run("proxy", "alias", "big", Integer.toString(backend.getLocalPort())).exitCode()).isZero();
        Result started = localdb.run("proxy", "start");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        long proxyPid = JSON.readTree(localdb.run("proxy", "status", "--json").out()).get("pid").asLong();
        Thread.sleep(600); // the proxy reads its routes again when they are over 250 ms old

        long before = rssKib(proxyPid);
        RssSampler sampler = new RssSampler(proxyPid);
        sampler.start();
        long downloaded;
        long uploadAnswer;
        long downNanos;
        long upNanos;
        try {
            long t0 = System.nanoTime();
            downloaded = download();
            downNanos = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            uploadAnswer = upload();
            upNanos = System.nanoTime() - t1;
        } finally {
            sampler.stop();
        }
        long after = rssKib(proxyPid);

        System.out.printf(Locale.ROOT,
                "proxy RSS: before %d KiB, peak %d KiB (+%d KiB), after %d KiB, %d samples;"
                        + " download %.0f MB/s, upload %.0f MB/s%n",
                before, sampler.peakKib(), sampler.peakKib() - before, after, sampler.samples(),
                GIB / 1e6 / (downNanos / 1e9), GIB / 1e6 / (upNanos / 1e9));

        // Every byte of the 1 GiB response reached the client, no more and no fewer.
        assertThat(downloaded).as("bytes downloaded through the proxy").isEqualTo(GIB);
        // The backend counted every byte of the 1 GiB request body, and said so in its answer.
        assertThat(uploadedAtBackend.get()).as("bytes the backend received").isEqualTo(GIB);
        assertThat(uploadAnswer).as("the count in the backend's answer").isEqualTo(GIB);
        // Samples were taken during the transfers, so the peak means something.
        assertThat(sampler.samples()).as("RSS samples during the transfers").isGreaterThan(2);
        // Bounded memory: a proxy that held a body (or most of it) would be a gigabyte over this.
        assertThat(sampler.peakKib() - before).as("proxy RSS growth in KiB during the transfers")
                .isLessThan(RSS_BOUND / 1024);
        assertThat(after - before).as("proxy RSS growth in KiB after the transfers").isLessThan(RSS_BOUND / 1024);
    }

    /** GET /download through the proxy; the body is counted, never stored. */
    private long download() throws IOException {
        try (Socket client = toProxy()) {
            OutputStream out = client.getOutputStream();
            out.write(("GET /download HTTP/1.1\r\nHost: big.localhost:" + httpPort + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(client.getInputStream(), CHUNK);
            String head = head(in);
            assertThat(head).as("the download's response head").startsWith("HTTP/1.1 200");
            return drain(in, GIB + 1); // one past: a longer body would show up as more bytes
        }
    }

    /** POST /upload through the proxy, a 1 GiB body generated as it is sent; returns the backend's count. */
    private long upload() throws IOException {
        try (Socket client = toProxy()) {
            OutputStream out = client.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: big.localhost:" + httpPort + "\r\nContent-Length: " + GIB
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            writeGenerated(out, GIB);
            out.flush();
            InputStream in = new BufferedInputStream(client.getInputStream());
            String head = head(in);
            assertThat(head).as("the upload's response head").startsWith("HTTP/1.1 200");
            return Long.parseLong(new String(readBody(in, head), StandardCharsets.ISO_8859_1).trim());
        }
    }

    private Socket toProxy() throws IOException {
        Socket client = new Socket();
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 5_000);
        client.setSoTimeout(20_000); // a stalled transfer fails the test instead of hanging it
        return client;
    }

    private void serve() {
        while (!backend.isClosed()) {
            try {
                Socket connection = backend.accept();
                Thread handler = new Thread(() -> handle(connection), "gigabyte-backend-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket connection) {
        try (connection) {
            connection.setSoTimeout(20_000);
            InputStream in = new BufferedInputStream(connection.getInputStream(), CHUNK);
            OutputStream out = connection.getOutputStream();
            String head = head(in);
            if (head.startsWith("GET /download ")) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + GIB
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                writeGenerated(out, GIB);
            } else if (head.startsWith("POST /upload ")) {
                long length = contentLength(head);
                long received = drain(in, length);
                uploadedAtBackend.set(received);
                byte[] body = Long.toString(received).getBytes(StandardCharsets.ISO_8859_1);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
            } else {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException ignored) {
            // the test sees a short count or a failed exchange on its side
        }
    }

    /** Writes {@code total} bytes from one reused 64 KiB buffer: nothing the size of the body is ever held. */
    private static void writeGenerated(OutputStream out, long total) throws IOException {
        byte[] chunk = new byte[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            chunk[i] = (byte) (i * 31 + 7);
        }
        for (long left = total; left > 0; left -= CHUNK) {
            out.write(chunk, 0, (int) Math.min(CHUNK, left));
        }
    }

    /** Reads and counts up to {@code limit} bytes, or to the end of the stream. */
    private static long drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long count = 0;
        while (count < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - count));
            if (n < 0) {
                break;
            }
            count += n;
        }
        return count;
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readBody(InputStream in, String head) throws IOException {
        long length = contentLength(head);
        return length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                return Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        return -1;
    }

    /** VmRSS of a process, in KiB, from /proc/PID/status. */
    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /** Samples a process's RSS every 100 ms on its own thread and keeps the peak. */
    private static final class RssSampler {
        private final long pid;
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        RssSampler(long pid) {
            this.pid = pid;
            this.thread = new Thread(this::sample, "rss-sampler");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }

        long peakKib() {
            return peak.get();
        }

        long samples() {
            return samples.get();
        }

        private void sample() {
            while (running) {
                try {
                    peak.accumulateAndGet(rssKib(pid), Math::max);
                    samples.incrementAndGet();
                    Thread.sleep(100);
                } catch (IOException | InterruptedException gone) {
                    return;
                }
            }
        }
    }
}
