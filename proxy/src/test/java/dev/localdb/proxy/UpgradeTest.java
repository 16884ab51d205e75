package dev.localdb.proxy;

import static dev.localdb.proxy.ProxyFixture.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 101 turns both connections into a byte relay (WebSocket, Vite's HMR). */
class UpgradeTest {
    private static final String GREETING = "hello-from-backend";

    @TempDir
    Path home;
    private final ProxyFixture fixture = new ProxyFixture();
    private ServerSocket backend;
    private final CompletableFuture<String> upgradeRequest = new CompletableFuture<>();
    private final CompletableFuture<Boolean> backendSawClose = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        backend = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serveOneUpgrade, "upgrade-backend");
        thread.setDaemon(true);
        thread.start();
        fixture.routes(running("web.localhost", "web", backend.getLocalPort()));
        fixture.start(home.resolve("ca"));
    }

    @AfterEach
    void close() throws Exception {
        backend.close();
        fixture.close();
    }

    @Test
    void relaysBytesBothWaysAfter101() throws Exception {
        RawHttp client = fixture.client();
        client.send("GET /hmr HTTP/1.1\r\nHost: web.localhost\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");

        assertThat(client.line()).startsWith("HTTP/1.1 101");
        StringBuilder head = new StringBuilder();
        for (String line = client.line(); !line.isEmpty(); line = client.line()) {
            head.append(line.toLowerCase(Locale.ROOT)).append('\n');
        }
        assertThat(head).contains("upgrade: websocket").contains("connection: upgrade").contains("sec-websocket-accept: x");
        // Bytes the backend sent in the same packet as its 101 are not lost in the codec switch.
        assertThat(new String(client.readBytes(GREETING.length()), StandardCharsets.US_ASCII)).isEqualTo(GREETING);

        client.send("ping");
        assertThat(new String(client.readBytes(4), StandardCharsets.US_ASCII)).isEqualTo("PING");
        client.send("second frame");
        assertThat(new String(client.readBytes(12), StandardCharsets.US_ASCII)).isEqualTo("SECOND FRAME");

        String seen = upgradeRequest.get(20, TimeUnit.SECONDS).toLowerCase(Locale.ROOT);
        assertThat(seen).contains("upgrade: websocket").contains("connection: upgrade").contains("host: web.localhost")
                .contains("sec-websocket-key: dghlihnhbxbszsbub25jzq==");

        client.close();
        assertThat(backendSawClose.get(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aPlainRequestDoesNotAskTheBackendToUpgrade() throws Exception {
        RawHttp client = fixture.client();
        client.send("GET / HTTP/1.1\r\nHost: web.localhost\r\nUpgrade: websocket\r\n\r\n");

        // Without "Connection: upgrade" the Upgrade header is hop-by-hop noise and is dropped.
        assertThat(upgradeRequest.get(20, TimeUnit.SECONDS).toLowerCase(Locale.ROOT)).doesNotContain("upgrade");
    }

    /** Answers one upgrade with 101 plus a greeting, then echoes in upper case until the proxy closes. */
    private void serveOneUpgrade() {
        try (Socket socket = backend.accept()) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c == -1) {
                    return;
                }
                head.write(c);
            }
            upgradeRequest.complete(head.toString(StandardCharsets.ISO_8859_1));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: x\r\n\r\n" + GREETING).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] buffer = new byte[1024];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                out.write(new String(buffer, 0, read, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT)
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            backendSawClose.complete(true);
        } catch (IOException e) {
            upgradeRequest.completeExceptionally(e);
            backendSawClose.completeExceptionally(e);
        }
    }
}
