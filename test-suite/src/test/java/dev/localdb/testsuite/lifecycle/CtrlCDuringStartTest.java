package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.PseudoTerminal;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ctrl-C while {@code start} waits at a terminal ends only {@code start}: the server keeps
 * starting in the background, and the user is told so and how to stop it (issue #14, item 3).
 */
class CtrlCDuringStartTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void ctrlCTellsThatTheServerKeepsStartingAndHowToStopIt() throws Exception {
        Assumptions.assumeTrue(PseudoTerminal.available(), "util-linux 'script' (/usr/bin/script) is needed for a pseudo-terminal");
        Result created = sandbox.localdb().run("new", "slow", "--command", "sleep 3; exec python3 -m http.server $PORT --bind 127.0.0.1");
        assertThat(created.exitCode()).as(created.toString()).isZero();

        Result start;
        try (PseudoTerminal.Session terminal = PseudoTerminal.open(sandbox.home(), sandbox.env(), "start", "slow", "--no-browser")) {
            terminal.awaitOutput("Waiting for slow on port", Duration.ofSeconds(60));
            terminal.type("\u0003");
            start = terminal.await();
        }

        assertThat(start.exitCode()).as(start.toString()).isEqualTo(130);
        String lastLine = start.out().substring(start.out().lastIndexOf('\r') + 1).strip();
        assertThat(lastLine).as("the spinner line is cleared and replaced by one line: " + start)
                .startsWith("\u001b[KInterrupted: slow keeps starting in the background on port ")
                .endsWith("'localdb status slow' shows it, 'localdb stop slow' stops it.");
        Poll.until("the server to finish starting on its own", Duration.ofSeconds(30),
                () -> status().contains("running"));
        Result stop = sandbox.localdb().run("stop", "slow");
        assertThat(stop.out()).as(stop.toString()).contains("Stopped slow");
    }

    private String status() {
        try {
            return sandbox.localdb().run("status", "slow").out();
        } catch (Exception e) {
            return "";
        }
    }
}
