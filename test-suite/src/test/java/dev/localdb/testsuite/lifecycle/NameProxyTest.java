package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #12 through {@code bin/localdb}: {@code start} brings the name proxy up once and prints
 * the project's name URL; requests for {@code shop.localhost} reach shop's server, a change of
 * state is routed within a second, unknown names and stopped projects get their pages, the proxy's
 * ports are never a project's, and {@code proxy status --json} is one object as documented.
 */
class NameProxyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    private LocalDbRunner localdb;
    private int httpPort;
    private int httpsPort;

    @BeforeEach
    void aHomeWithTheProxyOn() {
        // The proxy's ports are the first two of the sandbox's range: allocation must step over them.
        httpPort = sandbox.proxyHttpPort();
        httpsPort = sandbox.proxyHttpsPort();
        localdb = sandbox.localdbWithProxy();
    }

    @AfterEach
    void stopTheProxy() throws Exception {
        localdb.run("proxy", "stop");
    }

    @Test
    void statusOfAProxyThatNeverRanIsOneObjectWithTheConfiguredPorts() throws Exception {
        Result status = localdb.run("proxy", "status", "--json");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out().strip().lines()).hasSize(1);
        JsonNode json = JSON.readTree(status.out());
        assertThat(json.get("running").asBoolean()).isFalse();
        assertThat(json.get("pid").isNull()).isTrue();
        assertThat(json.get("httpPort").asInt()).isEqualTo(httpPort);
        assertThat(json.get("httpsPort").asInt()).isEqualTo(httpsPort);
        assertThat(json.get("routes")).isEmpty();
        assertThat(json.fieldNames()).toIterable().containsExactly("running", "pid", "httpPort", "httpsPort", "caCertificate", "routes");
    }

    @Test
    void startBringsTheProxyUpAndTheProjectAnswersUnderItsName() throws Exception {
        Result started = localdb.run("start", "shop", "--create", "--no-browser");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        Started shop = Started.from(started);
        assertThat(shop.port()).as("the proxy's ports are never a project's").isNotIn(httpPort, httpsPort);
        assertThat(started.out()).contains("Name URL: http://shop.localhost:" + httpPort);

        Result status = localdb.run("proxy", "status", "--json");
        JsonNode json = JSON.readTree(status.out());
        assertThat(json.get("running").asBoolean()).as(status.toString()).isTrue();
        long proxyPid = json.get("pid").asLong();
        assertThat(ProcessHandle.of(proxyPid)).isPresent();
        JsonNode route = json.get("routes").get(0);
        assertThat(route.get("host").asText()).isEqualTo("shop.localhost");
        assertThat(route.get("project").asText()).isEqualTo("shop");
        assertThat(route.get("portName").isNull()).isTrue();
        assertThat(route.get("port").asInt()).isEqualTo(shop.port());
        assertThat(route.get("state").asText()).isEqualTo("running");

        // Through the proxy, with the browser's Host kept: the embedded server answers as itself.
        String health = get("shop.localhost:" + httpPort, "/health", "");
        assertThat(health).startsWith("HTTP/1.1 200").contains("\"project\":\"shop\"");
        assertThat(get("Shop.Localhost:" + httpPort, "/health", "")).startsWith("HTTP/1.1 200");

        JsonNode projects = JSON.readTree(localdb.run("status", "--json").out()).get("projects");
        assertThat(projects.get(0).get("nameUrl").asText()).isEqualTo("http://shop.localhost:" + httpPort);
        assertThat(localdb.run("status").out()).contains("Names: http://<project>.localhost:" + httpPort);

        // A second start finds it running: one proxy per home.
        Result again = localdb.run("start", "blog", "--create", "--no-browser");
        assertThat(again.out()).contains("Name URL: http://blog.localhost:" + httpPort);
        assertThat(JSON.readTree(localdb.run("proxy", "status", "--json").out()).get("pid").asLong()).isEqualTo(proxyPid);

        assertThat(get("nosuch.localhost:" + httpPort, "/", "")).startsWith("HTTP/1.1 404").contains("shop.localhost");
        String index = get("localhost:" + httpPort, "/", "Accept: application/json\r\n");
        assertThat(index).startsWith("HTTP/1.1 200").contains("\"host\":\"shop.localhost\"").contains("\"host\":\"blog.localhost\"");

        // Stopped: routed as stopped within a second, without restarting the proxy.
        assertThat(localdb.run("stop", "shop").exitCode()).isZero();
        Poll.until("shop's page to say it is not running", Duration.ofSeconds(1),
                () -> get("shop.localhost:" + httpPort, "/", "").contains("localdb start shop"));
        assertThat(get("shop.localhost:" + httpPort, "/", "")).matches("(?s)HTTP/1.1 50[23].*");

        Result stop = localdb.run("proxy", "stop");
        assertThat(stop.out()).contains("Proxy stopped (PID " + proxyPid + ")");
        Poll.until("the proxy process to be gone", Duration.ofSeconds(10),
                () -> ProcessHandle.of(proxyPid).map(p -> !p.isAlive()).orElse(true) || isZombie(proxyPid));
        assertThat(JSON.readTree(localdb.run("proxy", "status", "--json").out()).get("running").asBoolean()).isFalse();
        JsonNode blog = JSON.readTree(localdb.run("status", "--json").out()).get("projects").get(0);
        assertThat(blog.get("project").asText()).isEqualTo("blog");
        assertThat(blog.get("nameUrl").isNull()).as("no name URL without the proxy").isTrue();
    }

    @Test
    void manyStartsAtOnceMakeOneProxyAndAKilledOneIsStartedAgain() throws Exception {
        java.util.List<LocalDbRunner.Started> starts = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            starts.add(localdb.start("proxy", "start"));
        }
        java.util.Set<String> pids = new java.util.HashSet<>();
        for (LocalDbRunner.Started start : starts) {
            Result result = start.await();
            assertThat(result.exitCode()).as(result.toString()).isZero();
            java.util.regex.Matcher pid = java.util.regex.Pattern.compile("\\(PID (\\d+)\\)").matcher(result.out());
            assertThat(pid.find()).as(result.toString()).isTrue();
            pids.add(pid.group(1));
        }
        assertThat(pids).as("one proxy, named by every start").hasSize(1);
        long proxyPid = Long.parseLong(pids.iterator().next());
        assertThat(dev.localdb.testsuite.support.Processes.ofHome(sandbox.home()))
                .filteredOn(p -> p.info().commandLine().orElse("").contains("proxy serve"))
                .extracting(ProcessHandle::pid).containsExactly(proxyPid);

        ProcessHandle.of(proxyPid).orElseThrow().destroyForcibly();
        Poll.until("the killed proxy to be gone", Duration.ofSeconds(10),
                () -> ProcessHandle.of(proxyPid).map(p -> !p.isAlive()).orElse(true) || isZombie(proxyPid));
        assertThat(JSON.readTree(localdb.run("proxy", "status", "--json").out()).get("running").asBoolean()).isFalse();

        Result again = localdb.run("start", "shop", "--create", "--no-browser");
        assertThat(again.out()).as(again.toString()).contains("Name URL: http://shop.localhost:" + httpPort);
        JsonNode status = JSON.readTree(localdb.run("proxy", "status", "--json").out());
        assertThat(status.get("running").asBoolean()).isTrue();
        assertThat(status.get("pid").asLong()).isNotEqualTo(proxyPid);
        assertThat(get("shop.localhost:" + httpPort, "/health", "")).startsWith("HTTP/1.1 200");
    }

    @Test
    void anAliasRoutesANameToAPortLocaldbDoesNotManage() throws Exception {
        try (ServerSocket container = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerOnce(container), "container");
            answering.start();
            assertThat(localdb.run("proxy", "alias", "db", Integer.toString(container.getLocalPort())).exitCode()).isZero();
            assertThat(localdb.run("proxy", "start").exitCode()).isZero();

            assertThat(get("db.localhost:" + httpPort, "/", "")).startsWith("HTTP/1.1 200").contains("from the container");
            answering.join(5_000);
        }
        // The container is gone (502 until the alias goes), then the name itself. The proxy's
        // one-second rule is held in-process by CachedRoutesTest; here the deadline also covers
        // a loaded machine's process and request times.
        Result alias = localdb.run("proxy", "alias", "db", "--remove");
        assertThat(alias.out()).contains("Removed alias db.localhost.");
        Poll.until("the alias to be gone", Duration.ofSeconds(5),
                () -> get("db.localhost:" + httpPort, "/", "").startsWith("HTTP/1.1 404"));
    }

    private static void answerOnce(ServerSocket server) {
        try (Socket client = server.accept()) {
            InputStream in = client.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.write(b);
            }
            byte[] body = "from the container".getBytes(StandardCharsets.UTF_8);
            client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            client.getOutputStream().write(body);
        } catch (IOException e) {
            // the test's assertion says what went wrong
        }
    }

    /** One HTTP/1.1 request to the proxy on 127.0.0.1 with this Host; the whole response as text ("" when none). */
    private String get(String host, String path, String headers) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }
}
