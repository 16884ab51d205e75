package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.PseudoTerminal;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ctrl-C typed at the terminal that runs {@code localdb run}: the terminal sends SIGINT to the
 * whole foreground group, so the command gets it from the terminal and {@code localdb run} must not
 * send it a second one (npm and Vite quit without cleaning up on a second); {@code localdb run}
 * waits for the command, releases the port only after it has gone, and exits with its code, 130
 * for a command that SIGINT ended, as a shell does.
 */
class CtrlCDuringRunTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @BeforeEach
    void aTerminalIsAvailable() {
        Assumptions.assumeTrue(PseudoTerminal.available(), "util-linux 'script' (/usr/bin/script) is needed for a pseudo-terminal");
    }

    @Test
    void theCommandGetsCtrlCOnceAndThePortIsReleasedOnlyAfterItHasGone() throws Exception {
        // Like a real server, the command takes its time to end after Ctrl-C; a second SIGINT in that time would show.
        Path marker = sandbox.scratch().resolve("signals");
        Path script = sandbox.script("serve.py", "import http.server, os, signal, time\n"
                + "def ending(number, frame):\n"
                + "    with open('" + marker + "', 'a') as signals:\n"
                + "        signals.write(signal.Signals(number).name + '\\n')\n"
                + "    time.sleep(1.5)\n"
                + "    os._exit(0)\n"
                + "signal.signal(signal.SIGINT, ending)\n"
                + "http.server.HTTPServer(('127.0.0.1', int(os.environ['PORT'])), http.server.SimpleHTTPRequestHandler).serve_forever()\n");

        Result run = ctrlCOnceListening(script);

        assertThat(Files.readString(marker)).as("the command got Ctrl-C once, from the terminal: " + run).isEqualTo("SIGINT\n");
        assertThat(run.exitCode()).as("run exits with the command's code: " + run).isZero();
    }

    @Test
    void aCommandThatCtrlCEndsMakesRunExitWith130() throws Exception {
        // Python's default: KeyboardInterrupt, and then the interpreter ends by SIGINT itself.
        Path script = sandbox.script("serve.py", "import http.server, os\n"
                + "http.server.HTTPServer(('127.0.0.1', int(os.environ['PORT'])), http.server.SimpleHTTPRequestHandler).serve_forever()\n");

        Result run = ctrlCOnceListening(script);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(130);
    }

    /** Runs the script under 'localdb run x' at a terminal, types Ctrl-C once it listens, and checks the release. */
    private Result ctrlCOnceListening(Path script) throws Exception {
        try (PseudoTerminal.Session terminal = PseudoTerminal.open(sandbox.home(), sandbox.env(),
                "run", "x", "--", "sh", "-c", "exec python3 " + script)) {
            terminal.awaitOutput("Running x on port", Duration.ofSeconds(60));
            Poll.until("the command to listen on its port", Duration.ofSeconds(30),
                    () -> entry().filter(e -> e.path("state").asText().equals("held") && !QuietPorts.bindable(e.path("port").asInt())).isPresent());
            long command = commandPid(script);

            terminal.type("\u0003");

            Poll.until("the port to be released", Duration.ofSeconds(30), () -> {
                boolean released = entry().map(e -> e.path("state").asText()).orElse("").equals("released");
                if (released) {
                    assertThat(Processes.isRunning(command)).as("the command is gone when the registry releases its port").isFalse();
                }
                return released;
            });
            return terminal.await();
        }
    }

    private static long commandPid(Path script) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(arguments -> arguments.length == 1 && arguments[0].equals(script.toString())).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no process runs " + script)).pid();
    }

    private Optional<JsonNode> entry() {
        return RegistryFile.entryWhilePolling(sandbox.home(), "x");
    }
}
