package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #12's on-demand start through {@code bin/localdb}: a request for a stopped
 * {@code --on-demand} project starts its server through the proxy and is answered by it, the
 * start is recorded as {@code localdb start} records it, and a project without the option still
 * gets the "not running" page.
 */
class OnDemandProxyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    private LocalDbRunner localdb;
    private int httpPort;

    @BeforeEach
    void aHomeWithTheProxyOn() {
        // As NameProxyTest: the proxy's ports are the first two of the sandbox's range.
        httpPort = sandbox.proxyHttpPort();
        localdb = sandbox.localdbWithProxy();
    }

    @AfterEach
    void stopServersAndProxy() throws Exception {
        localdb.run("stop", "--all");
        localdb.run("proxy", "stop");
    }

    @Test
    void aRequestStartsAnOnDemandProjectAndOnlyThatOne() throws Exception {
        Result created = localdb.run("new", "shop", "--on-demand");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(localdb.run("new", "blog").exitCode()).isZero();
        Result proxy = localdb.run("proxy", "start");
        assertThat(proxy.exitCode()).as(proxy.toString()).isZero();

        String health = get("shop.localhost:" + httpPort, "/health");

        assertThat(health).as("held until the embedded server was ready, then forwarded").startsWith("HTTP/1.1 200")
                .contains("\"project\":\"shop\"");
        JsonNode shop = project("shop");
        assertThat(shop.get("state").asText()).as(shop.toString()).isEqualTo("running");
        assertThat(localdb.run("status").out()).contains("shop");

        assertThat(get("blog.localhost:" + httpPort, "/")).startsWith("HTTP/1.1 503").contains("localdb start blog");
        assertThat(project("blog").get("state").asText()).isNotEqualTo("running");
    }

    /**
     * {@code proxy.idleStopMinutes}: a server the proxy started is stopped once no request went
     * through the proxy for that long, and the next request starts it again; a server started
     * with {@code localdb start} is the user's and stays up.
     */
    @Test
    void anIdleServerTheProxyStartedIsStoppedAndTheNextRequestStartsItAgain() throws Exception {
        assertThat(localdb.run("new", "shop", "--on-demand").exitCode()).isZero();
        assertThat(localdb.run("new", "blog", "--on-demand").exitCode()).isZero();
        // The proxy first: 'start' would bring it up without the setting.
        Result proxy = localdb.env("LOCALDB_PROXY_IDLE_STOP_MINUTES", "0.05").run("proxy", "start"); // 3 s
        assertThat(proxy.exitCode()).as(proxy.toString()).isZero();
        Result blog = localdb.run("start", "blog", "--no-browser");
        assertThat(blog.exitCode()).as(blog.toString()).isZero();

        assertThat(get("shop.localhost:" + httpPort, "/health")).startsWith("HTTP/1.1 200");
        long firstPid = project("shop").get("pid").asLong();
        assertThat(get("blog.localhost:" + httpPort, "/health")).startsWith("HTTP/1.1 200");

        Poll.until("the idle shop to be stopped", Duration.ofSeconds(30), () -> state("shop").equals("stopped"));
        assertThat(Files.readString(sandbox.home().resolve("runtime/proxy.log")))
                .contains("stopped shop (PID " + firstPid + "): no request through the proxy for 3 s (proxy.idleStopMinutes)");
        assertThat(state("blog")).as("started by hand: not the proxy's to stop").isEqualTo("running");

        assertThat(get("shop.localhost:" + httpPort, "/health")).as("started again on demand").startsWith("HTTP/1.1 200");
        assertThat(project("shop").get("pid").asLong()).isNotEqualTo(firstPid);
    }

    private String state(String name) {
        try {
            return project(name).get("state").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode project(String name) throws Exception {
        for (JsonNode project : JSON.readTree(localdb.run("status", "--json").out()).get("projects")) {
            if (project.get("project").asText().equals(name)) {
                return project;
            }
        }
        throw new AssertionError("status --json does not list " + name);
    }

    /** One request to the proxy; a minute of patience, because the first one waits for a JVM to start. */
    private String get(String host, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
