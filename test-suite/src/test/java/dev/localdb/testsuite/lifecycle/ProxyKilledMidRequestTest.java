package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.RegistryFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #12: the proxy killed with -9 while it forwards a request. The client is cut off rather
 * than left hanging, the registry is exactly as it was (the proxy never writes it), and the next
 * {@code start} brings a new proxy up that routes again.
 */
class ProxyKilledMidRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    private LocalDbRunner localdb;
    private int httpPort;

    @BeforeEach
    void aHomeWithTheProxyOn() {
        httpPort = sandbox.proxyHttpPort();
        localdb = sandbox.localdbWithProxy();
    }

    @AfterEach
    void stopTheProxy() throws Exception {
        localdb.run("proxy", "stop");
    }

    @Test
    void aProxyKilledMidRequestCutsTheClientOffChangesNothingAndComesBackWithTheNextStart() throws Exception {
        Result shop = localdb.run("start", "shop", "--create", "--no-browser");
        assertThat(shop.exitCode()).as(shop.toString()).isZero();
        try (ServerSocket slowBackend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket client = new Socket()) {
            assertThat(localdb.run("proxy", "alias", "slow", Integer.toString(slowBackend.getLocalPort())).exitCode()).isZero();
            long proxyPid = JSON.readTree(localdb.run("proxy", "status", "--json").out()).get("pid").asLong();
            byte[] registryBefore = Files.readAllBytes(RegistryFile.path(sandbox.home()));

            Thread.sleep(600); // the proxy reads its routes again when they are over 250 ms old
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 5_000);
            client.setSoTimeout(15_000);
            client.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: slow.localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            // The backend takes the forwarded request and never answers: the request is in flight.
            slowBackend.setSoTimeout(10_000);
            try (Socket forwarded = slowBackend.accept()) {
                InputStream fromProxy = client.getInputStream();
                CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> firstByte(fromProxy));

                ProcessHandle.of(proxyPid).orElseThrow().destroyForcibly();
                Poll.until("the killed proxy to be gone", Duration.ofSeconds(10), () -> !Processes.isRunning(proxyPid));

                assertThat(answer.get(10, TimeUnit.SECONDS)).as("the client is cut off, not left waiting").isEqualTo(-1);
                assertThat(Files.readAllBytes(RegistryFile.path(sandbox.home()))).as("the registry").isEqualTo(registryBefore);
            }

            Result again = localdb.run("start", "blog", "--create", "--no-browser");
            assertThat(again.out()).as(again.toString()).contains("Name URL: http://blog.localhost:" + httpPort);
            JsonNode status = JSON.readTree(localdb.run("proxy", "status", "--json").out());
            assertThat(status.get("running").asBoolean()).isTrue();
            assertThat(status.get("pid").asLong()).isNotEqualTo(proxyPid);
            assertThat(JSON.readTree(localdb.run("status", "shop", "--json").out()).get("projects").get(0).get("state").asText())
                    .as("the project never depended on the proxy").isEqualTo("running");
        }
    }

    /** The first byte of the answer, or -1 at the end of the stream or when the connection is reset (cut off too). */
    private static int firstByte(InputStream in) {
        try {
            return in.read();
        } catch (IOException reset) {
            return -1;
        }
    }
}
