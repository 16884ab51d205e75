package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.PseudoTerminal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code start} opens the browser ($BROWSER, here a script that records the URL) for a person at
 * a terminal, and never for scripts or with {@code --no-browser}.
 *
 * <p>"Not opened" cannot be observed directly, so those tests then run {@code localdb open}: once
 * its URL is recorded, a browser that {@code start} had launched earlier would have been recorded
 * too, so exactly one line proves that {@code start} opened nothing.
 */
class BrowserTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @BeforeEach
    void needsAPseudoTerminal() {
        Assumptions.assumeTrue(PseudoTerminal.available(),
                "util-linux 'script' (/usr/bin/script) is needed to run localdb under a pseudo-terminal");
    }

    @Test
    void startAtATerminalOpensTheUrlAndTheServerOutlivesTheTerminal() throws Exception {
        Result start = PseudoTerminal.run(sandbox.home(), sandbox.env(), "start", "site", "--create");

        Started server = Started.from(start);
        Poll.until("the browser to be given the URL", Duration.ofSeconds(20), () -> !openedUrls().isEmpty());
        // The embedded server's dashboard opens with a one-time control ticket (docs/DASHBOARD.md).
        assertThat(sandbox.openedUrls()).singleElement().asString().doesNotContain("ticket");
        assertThat(LocalDbSandbox.linkBehind(sandbox.openedUrls().get(0))).startsWith(server.url() + "/#ticket=");
        assertThat(http.get(server.port(), "/health").status())
                .as("the server still answers after its terminal was closed").isEqualTo(200);
    }

    @Test
    void startAtATerminalWithNoBrowserOpensNothing() throws Exception {
        Started server = Started.from(PseudoTerminal.run(sandbox.home(), sandbox.env(), "start", "site", "--create", "--no-browser"));

        assertOnlyOpenOpensTheBrowser(server);
    }

    @Test
    void startWithoutATerminalOpensNothing() throws Exception {
        Started server = Started.from(sandbox.localdb().run("start", "site", "--create"));

        assertOnlyOpenOpensTheBrowser(server);
    }

    private void assertOnlyOpenOpensTheBrowser(Started server) throws Exception {
        Result open = sandbox.localdb().run("open", "site");
        assertThat(open.exitCode()).as(open.toString()).isZero();
        assertThat(open.out()).isEqualTo(server.url() + "\n");
        Poll.until("the browser to be given the URL by 'localdb open'", Duration.ofSeconds(20), () -> !openedUrls().isEmpty());
        assertThat(sandbox.openedUrls()).as("only 'open' opened the browser").singleElement().asString().doesNotContain("ticket");
        assertThat(LocalDbSandbox.linkBehind(sandbox.openedUrls().get(0))).startsWith(server.url() + "/#ticket=");
    }

    private List<String> openedUrls() {
        try {
            return sandbox.openedUrls();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
