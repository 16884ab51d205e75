package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.PlatformUnderTest;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.RegistryFile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server killed with -9 leaves a stale allocation that localdb recognises and recovers from. */
class CrashRecoveryTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @Test
    void aKilledServerIsStaleThenCleanedAndTheProjectRestartsOnItsPort() throws Exception {
        Started server = Started.from(sandbox.localdb().run("start", "crashy", "--create"));
        long recorded = RegistryFile.allocation(sandbox.home(), "crashy").path("owner").path("pid").asLong();
        assertThat(recorded).isEqualTo(server.pid());

        assertThat(ProcessHandle.of(recorded).orElseThrow().destroyForcibly()).as("kill -9 sent").isTrue();
        Poll.until("the killed server to be gone", Duration.ofSeconds(10), () -> !Processes.isRunning(recorded));

        Result ports = sandbox.localdb().run("ports");
        assertThat(ports.out()).as(ports.toString()).containsPattern("crashy\\s+" + server.port() + "\\s+stale\\s+" + recorded);
        Result status = sandbox.localdb().run("status");
        assertThat(status.out()).as(status.toString()).containsPattern("crashy\\s+crashed\\s+" + server.port());

        Result cleanup = sandbox.localdb().run("ports", "--cleanup");
        assertThat(cleanup.exitCode()).as(cleanup.toString()).isZero();
        assertThat(cleanup.out()).contains("Cleaned 1 stale allocation(s)");
        assertThat(cleanup.out()).containsPattern("crashy\\s+" + server.port() + "\\s+released");

        Started again = Started.from(sandbox.localdb().run("start", "crashy", "--create"));
        assertThat(again.port()).as("the crashed project gets its port back").isEqualTo(server.port());
        assertThat(http.get(again.port(), "/health").json().get("pid").asLong()).isEqualTo(again.pid());
    }

    /**
     * Issue #14, item 16: the shell that localdb started (and recorded) is killed with -9, and the
     * dev server it started serves on. That is not "crashed": cleanup keeps it, status says so, and
     * stop says what it stopped, without doubled parentheses.
     */
    @Test
    void aKilledWrapperWhoseServerServesOnIsRunningWithTheWrapperGoneAndStopEndsTheLeftovers() throws Exception {
        PlatformUnderTest.assumeProcSessions();
        Result created = sandbox.localdb().run("new", "node", "--command", "python3 -m http.server \"$PORT\" --bind 127.0.0.1; echo ended");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Started server = Started.from(sandbox.localdb().run("start", "node"));
        assertThat(ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly()).as("kill -9 the wrapper").isTrue();
        Poll.until("the killed wrapper to be gone", Duration.ofSeconds(10), () -> !Processes.isRunning(server.pid()));
        assertThat(http.get(server.port(), "/").status()).as("its dev server still serves").isEqualTo(200);
        // Cleanup must not free the port the dev server serves, nor lose track of the dev server.
        Result cleanup = sandbox.localdb().run("ports", "--cleanup");
        assertThat(cleanup.out()).as(cleanup.toString()).contains("Cleaned 0 stale allocation(s)")
                .containsPattern("node\\s+" + server.port() + "\\s+active");

        Result status = sandbox.localdb().run("status");
        Result json = sandbox.localdb().run("status", "node", "--json");
        Result stop = sandbox.localdb().run("stop", "node");

        assertThat(status.out()).as(status.toString()).containsPattern("node\\s+running \\(wrapper gone\\)\\s+" + server.port()
                + "\\s+http://localhost:" + server.port() + "\\s+-\\s+-");
        assertThat(json.out()).as(json.toString()).contains("\"state\":\"running\"", "\"pid\":null", "\"wrapperGone\":true");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).as(stop.toString()).startsWith("Stopped leftover processes of node (port " + server.port() + " released")
                .doesNotContain(")(").doesNotContain(") (");
        assertThat(Processes.ofHome(sandbox.home())).as("left running after stop").isEmpty();
        assertThat(dev.localdb.testsuite.support.QuietPorts.bindable(server.port())).isTrue();
        assertThat(sandbox.localdb().run("status").out()).containsPattern("node\\s+stopped\\s+" + server.port());
    }
}
