package dev.localdb.proxy;

import static dev.localdb.proxy.ProxyFixture.alias;
import static dev.localdb.proxy.ProxyFixture.named;
import static dev.localdb.proxy.ProxyFixture.running;
import static dev.localdb.proxy.ProxyFixture.stopped;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the proxy answers itself: index, 404, 503, 502, 421 and the malformed requests. */
class PagesTest {
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";

    @TempDir
    Path home;
    private final ProxyFixture fixture = new ProxyFixture();
    private Backend shop;

    @BeforeEach
    void start() throws Exception {
        shop = fixture.backend("shop");
        fixture.start(home.resolve("ca"));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void unknownNameIs404ListingTheRunningProjectsAsLinks() throws Exception {
        fixture.routes(running("shop.localhost", "shop", shop.port()), stopped("blog.localhost", "blog", false));

        RawHttp.Response response = fixture.client().exchange(RawHttp.get("nope.localhost", "/"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("content-security-policy")).isEqualTo(CSP);
        assertThat(response.header("content-type")).startsWith("text/html");
        assertThat(response.text()).contains("nope.localhost")
                .contains("<a href=\"http://shop.localhost:" + fixture.port() + "/\">shop.localhost</a>")
                .doesNotContain("blog.localhost");
    }

    @Test
    void namesInPagesAreEscaped() throws Exception {
        RawHttp.Response response = fixture.client().exchange(RawHttp.get("<b>x'\".localhost", "/"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text()).contains("&lt;b&gt;x&#39;&quot;.localhost").doesNotContain("<b>");
    }

    @Test
    void stoppedProjectIs503SayingHowToStartIt() throws Exception {
        fixture.routes(stopped("shop.localhost", "shop", false));

        RawHttp.Response response = fixture.client().exchange(RawHttp.get("shop.localhost", "/"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("content-security-policy")).isEqualTo(CSP);
        assertThat(response.text()).contains("is not running").contains("localdb start shop");
    }

    @Test
    void backendThatDoesNotAnswerIs502() throws Exception {
        int dead = ProxyFixture.deadPort();
        fixture.routes(running("shop.localhost", "shop", dead));
        RawHttp client = fixture.client();

        RawHttp.Response response = client.exchange(RawHttp.get("shop.localhost", "/"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.text()).contains("port " + dead + " does not answer").contains("localdb start shop");
        // The client connection survives the 502.
        assertThat(client.exchange(RawHttp.get("localhost", "/")).status()).isEqualTo(200);
    }

    @Test
    void indexPageListsEveryRouteWithLinks() throws Exception {
        fixture.routes(running("shop.localhost", "shop", shop.port()), named("api.shop.localhost", "shop", "api", 4001),
                stopped("blog.localhost", "blog", false), alias("db.localhost", "db", 5432));

        for (String host : new String[] {"localhost", "localdb.localhost:" + fixture.port(), "127.0.0.1:" + fixture.port()}) {
            RawHttp.Response response = fixture.client().exchange(RawHttp.get(host, "/"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("content-security-policy")).isEqualTo(CSP);
            assertThat(response.text())
                    .contains("<a href=\"http://api.shop.localhost:" + fixture.port() + "/\">api.shop.localhost</a>")
                    .contains("<td>api</td><td>4001</td><td class=\"running\">running</td>")
                    .contains(">blog.localhost</a></td><td>blog</td><td></td><td></td><td class=\"stopped\">stopped</td>")
                    .contains("<td>5432</td><td class=\"alias\">alias</td>");
        }
    }

    @Test
    void indexAsJson() throws Exception {
        fixture.routes(running("shop.localhost", "shop", 3000), named("api.shop.localhost", "shop", "api", 4001),
                stopped("blog.localhost", "blog", false), alias("db.localhost", "db", 5432));

        RawHttp.Response response = fixture.client().exchange("GET / HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).startsWith("application/json");
        assertThat(response.text()).isEqualTo("{\"routes\":["
                + "{\"host\":\"api.shop.localhost\",\"project\":\"shop\",\"portName\":\"api\",\"port\":4001,\"state\":\"running\"},"
                + "{\"host\":\"blog.localhost\",\"project\":\"blog\",\"portName\":null,\"port\":null,\"state\":\"stopped\"},"
                + "{\"host\":\"db.localhost\",\"project\":\"db\",\"portName\":null,\"port\":5432,\"state\":\"alias\"},"
                + "{\"host\":\"shop.localhost\",\"project\":\"shop\",\"portName\":null,\"port\":3000,\"state\":\"running\"}]}");
    }

    @Test
    void jsonEscapesWhatItQuotes() {
        assertThat(Pages.json("a\"b\\c\n\u0001</script>")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\\u003c/script\\u003e\"");
    }

    @Test
    void foreignHostIs421AndNeverForwarded() throws Exception {
        fixture.routes(running("shop.localhost", "shop", shop.port()));

        RawHttp.Response foreign = fixture.client().exchange(RawHttp.get("evil.example.com", "/"));
        RawHttp.Response missing = fixture.client().exchange("GET / HTTP/1.0\r\n\r\n");

        assertThat(foreign.status()).isEqualTo(421);
        assertThat(foreign.text()).contains("only localhost and *.localhost");
        assertThat(missing.status()).isEqualTo(421);
    }

    @Test
    void absoluteFormForAnotherHostIs400() throws Exception {
        fixture.routes(running("shop.localhost", "shop", shop.port()));

        RawHttp.Response other = fixture.client().exchange("GET http://example.com/ HTTP/1.1\r\nHost: shop.localhost\r\n\r\n");
        RawHttp.Response same = fixture.client().exchange("GET http://shop.localhost/x?y=1 HTTP/1.1\r\nHost: shop.localhost\r\n\r\n");
        RawHttp.Response connect = fixture.client().exchange("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");

        assertThat(other.status()).isEqualTo(400);
        assertThat(Backend.seen(same.text())).containsEntry("uri", "/x?y=1");
        assertThat(connect.status()).isEqualTo(405);
    }

    @Test
    void oversizedHeadersAre431AndClosed() throws Exception {
        RawHttp client = fixture.client();

        RawHttp.Response response = client.exchange("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");

        assertThat(response.status()).isEqualTo(431);
        assertThat(client.closedByPeer()).isTrue();
    }

    @Test
    void aPageAnswerDiscardsTheRequestBodyAndKeepsTheConnection() throws Exception {
        RawHttp client = fixture.client();

        RawHttp.Response first = client.exchange("POST / HTTP/1.1\r\nHost: nope.localhost\r\nContent-Length: 4\r\n\r\nbody");
        RawHttp.Response second = client.exchange(RawHttp.get("localhost", "/"));

        assertThat(first.status()).isEqualTo(404);
        assertThat(second.status()).isEqualTo(200);
    }
}
