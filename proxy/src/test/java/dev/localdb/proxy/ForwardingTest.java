package dev.localdb.proxy;

import static dev.localdb.proxy.ProxyFixture.named;
import static dev.localdb.proxy.ProxyFixture.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwardingTest {
    @TempDir
    Path home;
    private final ProxyFixture fixture = new ProxyFixture();
    private Backend shop;

    @BeforeEach
    void start() throws Exception {
        shop = fixture.backend("shop");
        fixture.routes(running("shop.localhost", "shop", shop.port()));
        fixture.start(home.resolve("ca"));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void forwardsARequestWithItsBodyHostAndForwardedHeaders() throws Exception {
        RawHttp client = fixture.client();
        RawHttp.Response response = client.exchange("POST /cart?item=1 HTTP/1.1\r\nHost: Shop.localhost:" + fixture.port()
                + "\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: keep-alive, X-Secret\r\nX-Secret: hop\r\n"
                + "Proxy-Authorization: Basic eDp5\r\nKeep-Alive: timeout=5\r\nX-Forwarded-For: 6.6.6.6\r\n\r\nhello");

        assertThat(response.status()).isEqualTo(200);
        Map<String, String> seen = Backend.seen(response.text());
        assertThat(seen).containsEntry("backend", "shop")
                .containsEntry("method", "POST")
                .containsEntry("uri", "/cart?item=1")
                .containsEntry("host", "Shop.localhost:" + fixture.port())
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-host", "Shop.localhost:" + fixture.port())
                .containsEntry("x-forwarded-port", Integer.toString(fixture.port()))
                .doesNotContainKeys("x-secret", "proxy-authorization", "keep-alive");
        assertThat(Backend.body(response.text())).isEqualTo("hello");
    }

    @Test
    void keepsTheClientConnectionAndReusesTheUpstreamOne() throws Exception {
        RawHttp client = fixture.client();
        RawHttp.Response first = client.exchange(RawHttp.get("shop.localhost", "/one"));
        RawHttp.Response second = client.exchange(RawHttp.get("shop.localhost", "/two"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(Backend.seen(second.text())).containsEntry("uri", "/two");
        assertThat(Backend.seen(second.text()).get("remote-port")).isEqualTo(Backend.seen(first.text()).get("remote-port"));
    }

    @Test
    void streamsAFiveMebibyteUploadBeforeItHasArrived() throws Exception {
        byte[] body = new byte[5 << 20];
        new Random(42).nextBytes(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        RawHttp client = fixture.client();
        client.send("POST /count HTTP/1.1\r\nHost: shop.localhost\r\nContent-Length: " + body.length + "\r\n\r\n");
        client.send(java.util.Arrays.copyOfRange(body, 0, 1 << 20));

        // An aggregating proxy would hold these bytes until the last one arrived.
        assertThat(shop.bodyStarted.await(20, TimeUnit.SECONDS)).as("the backend reads the body while it is sent").isTrue();
        client.send(java.util.Arrays.copyOfRange(body, 1 << 20, body.length));
        RawHttp.Response response = client.read();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("bytes=" + body.length + " crc=" + crc.getValue());
    }

    @Test
    void forwardsAChunkedUpload() throws Exception {
        RawHttp client = fixture.client();
        RawHttp.Response response = client.exchange("POST /echo HTTP/1.1\r\nHost: shop.localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(Backend.body(response.text())).isEqualTo("hello world");
    }

    @Test
    void streamsAResponseAsTheBackendWritesIt() throws Exception {
        RawHttp client = fixture.client();
        client.send(RawHttp.get("shop.localhost", "/stream"));
        assertThat(client.line()).isEqualTo("HTTP/1.1 200 OK");
        StringBuilder head = new StringBuilder();
        for (String line = client.line(); !line.isEmpty(); line = client.line()) {
            head.append(line.toLowerCase()).append('\n');
        }
        assertThat(head).contains("transfer-encoding: chunked").contains("content-type: text/event-stream");
        // The first event arrives while the backend still waits for the test to let it finish.
        assertThat(readChunks(client, "data: first\n\n".length())).isEqualTo("data: first\n\n");
        shop.sendRest.countDown();
        assertThat(readChunks(client, "data: second\n\n".length())).isEqualTo("data: second\n\n");
    }

    @Test
    void answersHeadWithoutABody() throws Exception {
        RawHttp client = fixture.client();
        client.send("HEAD / HTTP/1.1\r\nHost: shop.localhost\r\n\r\n");
        RawHttp.Response head = client.read(true);
        RawHttp.Response next = client.exchange(RawHttp.get("shop.localhost", "/after-head"));

        assertThat(head.status()).isEqualTo(200);
        assertThat(Backend.seen(next.text())).containsEntry("uri", "/after-head");
    }

    @Test
    void answersPipelinedRequestsInOrder() throws Exception {
        RawHttp client = fixture.client();
        client.send(RawHttp.get("shop.localhost", "/first") + RawHttp.get("shop.localhost", "/second"));

        assertThat(Backend.seen(client.read().text())).containsEntry("uri", "/first");
        assertThat(Backend.seen(client.read().text())).containsEntry("uri", "/second");
    }

    @Test
    void routesNamedPortsAndPicksUpRouteChangesWithoutARestart() throws Exception {
        Backend api = fixture.backend("api");
        Backend shop2 = fixture.backend("shop-moved");
        fixture.routes(running("shop.localhost", "shop", shop.port()), named("api.shop.localhost", "shop", "api", api.port()));
        RawHttp client = fixture.client();
        assertThat(Backend.seen(client.exchange(RawHttp.get("api.shop.localhost", "/")).text())).containsEntry("backend", "api");
        assertThat(Backend.seen(client.exchange(RawHttp.get("shop.localhost", "/")).text())).containsEntry("backend", "shop");

        fixture.routes(running("shop.localhost", "shop", shop2.port()));

        assertThat(Backend.seen(client.exchange(RawHttp.get("shop.localhost", "/")).text())).containsEntry("backend", "shop-moved");
        assertThat(client.exchange(RawHttp.get("api.shop.localhost", "/")).status()).isEqualTo(404);
    }

    @Test
    void dialsIpv6LoopbackWhenNothingListensOn127001() throws Exception {
        java.net.InetAddress ipv6 = java.net.InetAddress.getByName("::1");
        com.sun.net.httpserver.HttpServer v6Only;
        try {
            v6Only = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(ipv6, 0), 5);
        } catch (java.io.IOException noIpv6) {
            org.junit.jupiter.api.Assumptions.abort("this host has no ::1");
            return;
        }
        v6Only.createContext("/", exchange -> {
            byte[] reply = "from ::1".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        v6Only.start();
        fixture.closeLater(() -> v6Only.stop(0));
        fixture.routes(running("vite.localhost", "vite", v6Only.getAddress().getPort()));

        RawHttp.Response response = fixture.client().exchange(RawHttp.get("vite.localhost", "/"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("from ::1");
    }

    @Test
    void forwardsThroughNioToo() throws Exception {
        ProxyFixture nio = fixture.closeLater(new ProxyFixture());
        nio.routes(running("shop.localhost", "shop", shop.port()));
        ProxyServer proxy = nio.start(new ProxyConfig(0, 0, home.resolve("ca2"), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(10)), Transport.nio());
        assertThat(proxy.transportName()).isEqualTo("nio");

        RawHttp.Response response = nio.client().exchange(RawHttp.get("shop.localhost", "/via-nio"));

        assertThat(Backend.seen(response.text())).containsEntry("uri", "/via-nio");
    }

    @Test
    void downgradesChunkedResponsesForHttp10Clients() throws Exception {
        RawHttp client = fixture.client();
        client.send("GET /stream HTTP/1.0\r\nHost: shop.localhost\r\n\r\n");
        shop.sendRest.countDown();
        RawHttp.Response response = client.read();

        assertThat(response.header("transfer-encoding")).isNull();
        assertThat(response.header("connection")).isEqualToIgnoringCase("close");
        assertThat(response.text()).isEqualTo("data: first\n\ndata: second\n\n");
    }

    /** Reads chunks until {@code length} bytes of data came (a proxy may split a chunk, never merge across a wait). */
    private static String readChunks(RawHttp client, int length) throws Exception {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (data.size() < length) {
            int size = Integer.parseInt(client.line().trim(), 16);
            data.write(client.readBytes(size));
            client.line();
        }
        return data.toString(StandardCharsets.UTF_8);
    }
}
