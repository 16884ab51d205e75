package dev.localdb.proxy;

import static dev.localdb.proxy.ProxyFixture.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slow or idle clients cannot hold connections open (slowloris). */
class DeadlinesTest {
    private static final Duration HEADER_TIMEOUT = Duration.ofMillis(300);
    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(400);

    @TempDir
    Path home;
    private final ProxyFixture fixture = new ProxyFixture();
    private Backend shop;

    @BeforeEach
    void start() throws Exception {
        shop = fixture.backend("shop");
        fixture.routes(running("shop.localhost", "shop", shop.port()));
        fixture.start(home.resolve("ca"), HEADER_TIMEOUT, IDLE_TIMEOUT, Duration.ofSeconds(10));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aClientThatNeverFinishesItsHeadIsClosed() throws Exception {
        RawHttp client = fixture.client();
        client.send("GET / HTTP/1.1\r\nHost: shop.loc");

        assertThat(client.closedByPeer()).isTrue();
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws Exception {
        assertThat(fixture.client().closedByPeer()).isTrue();
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterItsAnswer() throws Exception {
        RawHttp client = fixture.client();
        assertThat(client.exchange(RawHttp.get("shop.localhost", "/")).status()).isEqualTo(200);

        assertThat(client.closedByPeer()).isTrue();
    }

    @Test
    void aSlowResponseIsNotCutByTheHeaderTimeout() throws Exception {
        RawHttp client = fixture.client();
        client.send(RawHttp.get("shop.localhost", "/stream"));
        // Let more than the header and idle timeouts pass while the backend holds its response.
        Thread.sleep(HEADER_TIMEOUT.plus(IDLE_TIMEOUT).toMillis() * 2);
        shop.sendRest.countDown();

        RawHttp.Response response = client.read();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("data: first\n\ndata: second\n\n");
    }
}
