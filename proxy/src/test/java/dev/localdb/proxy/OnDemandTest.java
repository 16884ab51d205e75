package dev.localdb.proxy;

import static dev.localdb.proxy.ProxyFixture.stopped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.ServerStartFailedException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnDemandTest {
    @TempDir
    Path home;
    private final ProxyFixture fixture = new ProxyFixture();
    private final List<ProjectName> started = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void routes() {
        fixture.routes(stopped("shop.localhost", "shop", true));
    }

    private void startProxy(Duration startTimeout) {
        fixture.start(home.resolve("ca"), Duration.ofSeconds(10), Duration.ofSeconds(30), startTimeout);
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        fixture.close();
    }

    @Test
    void startsTheProjectHoldsTheRequestThenForwardsItWithItsBody() throws Exception {
        fixture.starter.set(project -> {
            started.add(project);
            try {
                return PortNumber.of(fixture.backend("started-" + project).port());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        startProxy(Duration.ofSeconds(20));

        RawHttp.Response response = fixture.client().exchange(
                "POST /first HTTP/1.1\r\nHost: shop.localhost\r\nContent-Length: 4\r\n\r\nheld");

        assertThat(response.status()).isEqualTo(200);
        assertThat(Backend.seen(response.text())).containsEntry("backend", "started-shop").containsEntry("uri", "/first");
        assertThat(Backend.body(response.text())).isEqualTo("held");
        assertThat(started).containsExactly(ProjectName.of("shop"));
    }

    @Test
    void aFailedStartIs502WithTheStartersMessage() throws Exception {
        fixture.starter.set(project -> {
            throw new InvalidInputException("npm: command <not> found");
        });
        startProxy(Duration.ofSeconds(20));

        RawHttp.Response response = fixture.client().exchange(RawHttp.get("shop.localhost", "/"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.text()).contains("npm: command &lt;not&gt; found").contains("localdb start shop")
                .as("no log block without log lines").doesNotContain("<pre>");
    }

    @Test
    void aServerThatExitedShowsTheEndOfItsLogOnThe502Page() throws Exception {
        fixture.starter.set(project -> {
            throw new ServerStartFailedException(ServerStartFailedException.Reason.EXITED,
                    "Server for shop exited before it was ready on port 3000; see the end of its log below.",
                    List.of("sh: 1: serve: not found", "exit <127>"));
        });
        startProxy(Duration.ofSeconds(20));

        RawHttp.Response response = fixture.client().exchange(RawHttp.get("shop.localhost", "/"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.text()).contains("exited before it was ready")
                .contains("<pre>sh: 1: serve: not found\nexit &lt;127&gt;</pre>");
    }

    @Test
    void aStartSlowerThanTheTimeoutIs504() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        fixture.starter.set(project -> {
            entered.countDown();
            awaitRelease();
            throw new IllegalStateException("released by the test");
        });
        startProxy(Duration.ofMillis(300));

        RawHttp.Response response = fixture.client().exchange(RawHttp.get("shop.localhost", "/"));

        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(response.status()).isEqualTo(504);
        assertThat(response.text()).contains("localdb start shop");
    }

    @Test
    void aHeldBodyLargerThanTheLimitIs413() throws Exception {
        fixture.starter.set(project -> {
            awaitRelease();
            throw new IllegalStateException("released by the test");
        });
        startProxy(Duration.ofSeconds(20));
        RawHttp client = fixture.client();
        int size = FrontendHandler.MAX_HELD_BODY + 64 * 1024;
        client.send("POST / HTTP/1.1\r\nHost: shop.localhost\r\nContent-Length: " + size + "\r\n\r\n");
        try {
            client.send(new byte[size]);
        } catch (java.io.IOException closedWhileSending) {
            // The proxy may close before it has read everything; the answer is already on its way.
        }

        RawHttp.Response response = client.read();

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void concurrentRequestsShareOneStart() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        try (OnDemandStarts starts = new OnDemandStarts(project -> {
            started.add(project);
            entered.countDown();
            awaitRelease();
            return PortNumber.of(3000);
        })) {
            var first = starts.start(ProjectName.of("shop"));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            var second = starts.start(ProjectName.of("shop"));
            release.countDown();

            assertThat(second).isSameAs(first);
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(PortNumber.of(3000));
            assertThat(started).containsExactly(ProjectName.of("shop"));
            // Once done, the next request starts anew (the server may have stopped since).
            assertThat(starts.start(ProjectName.of("shop"))).isNotSameAs(first);
        }
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
