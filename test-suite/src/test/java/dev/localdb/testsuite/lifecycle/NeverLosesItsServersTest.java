package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** localdb must never lose track of a server it started (issue #14, items 1 and 2). */
class NeverLosesItsServersTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void releasingTheProjectOfARunningServerIsRefusedAndTheServerStaysKnown() throws Exception {
        assertThat(sandbox.localdb().run("new", "shop").exitCode()).isZero();
        Started server = Started.from(sandbox.localdb().run("start", "shop", "--no-browser"));

        Result release = sandbox.localdb().run("release", "shop");

        assertThat(release.exitCode()).as(release.toString()).isEqualTo(2);
        assertThat(release.err()).as(release.toString())
                .contains("shop is running on port " + server.port() + "; stop it first ('localdb stop shop')")
                .doesNotContain("Exception");
        assertThat(RegistryFile.allocation(sandbox.home(), "shop").path("state").asText())
                .as("the port stays held by the server").isEqualTo("held");
        Result status = sandbox.localdb().run("status", "shop");
        assertThat(status.out()).as(status.toString()).contains("running");
        Result stop = sandbox.localdb().run("stop", "shop");
        assertThat(stop.out()).as(stop.toString()).contains("Stopped shop");
        assertThat(Processes.isRunning(server.pid())).as("stop still finds and ends the server").isFalse();

        Result afterStop = sandbox.localdb().run("release", "shop");
        assertThat(afterStop.exitCode()).as("a stopped project releases as before: " + afterStop).isZero();
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "HUP"})
    void aSignalToRunReachesTheCommandAndThePortIsReleasedOnlyAfterItHasGone(String signal) throws Exception {
        // Under nohup the whole build ignores hangups, and so does every 'localdb run' it starts, as
        // nohup asks: a HUP then reaches nothing, by the caller's choice (issue #16, item 7).
        assumeFalse(signal.equals("HUP") && Processes.selfIgnores(1), "SIGHUP is ignored by this build (nohup), and so by 'localdb run'");
        // The command takes its time to end after the signal, as real servers do; it listens on PORT.
        Path marker = sandbox.scratch().resolve("got-signal");
        String server = "import http.server, os, signal, time\n"
                + "def ending(number, frame):\n"
                + "    open('" + marker + "', 'w').write(signal.Signals(number).name)\n"
                + "    time.sleep(1)\n"
                + "    os._exit(0)\n"
                + "signal.signal(signal.SIGTERM, ending)\n"
                + "signal.signal(signal.SIGHUP, ending)\n"
                + "http.server.HTTPServer(('127.0.0.1', int(os.environ['PORT'])), http.server.SimpleHTTPRequestHandler).serve_forever()\n";
        Path script = sandbox.script("serve.py", server);
        LocalDbRunner.Started run = sandbox.localdb().start("run", "x", "--", "sh", "-c", "exec python3 " + script);
        try {
            Poll.until("the command to listen on its port", Duration.ofSeconds(30), () -> listening(run));
            long child = run.process().children().findFirst().orElseThrow().pid();

            new ProcessBuilder("kill", "-" + signal, Long.toString(run.process().pid())).start().waitFor();

            Poll.until("the port to be released", Duration.ofSeconds(30), () -> {
                boolean released = "released".equals(entry("x").map(e -> e.path("state").asText()).orElse(""));
                if (released) {
                    assertThat(Processes.isRunning(child)).as("the command is gone when the registry releases its port").isFalse();
                }
                return released;
            });
            Result result = run.await();
            assertThat(Files.readString(marker)).as("the command got the signal").isEqualTo("SIG" + signal);
            assertThat(result.exitCode()).as("run exits with the command's code: " + result).isZero();
        } finally {
            run.process().destroyForcibly();
        }
    }

    private boolean listening(LocalDbRunner.Started run) {
        return run.process().isAlive() && entry("x").filter(e -> !QuietPorts.bindable(e.path("port").asInt())).isPresent();
    }

    private Optional<JsonNode> entry(String project) {
        return RegistryFile.entryWhilePolling(sandbox.home(), project);
    }
}
