package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Projects that run their own dev server through the shell, with localdb's port in PORT. */
class CommandProjectTest {
    private static final String HTTP_SERVER = "python3 -m http.server \"$PORT\" --bind 127.0.0.1";

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @Test
    void aCommandGetsPortAndProjectInItsEnvironmentBecomesReadyAndStopsWithItsChildren() throws Exception {
        // The shell stays the parent of the dev server (it has more to do afterwards), as with npm
        // run dev: stopping the project must stop the whole tree, not only the recorded shell.
        Result created = sandbox.localdb().run("new", "web", "--command",
                "echo \"port=$PORT project=$LOCALDB_PROJECT\"; " + HTTP_SERVER + "; echo server ended");
        assertThat(created.exitCode()).as(created.toString()).isZero();

        Started server = Started.from(sandbox.localdb().run("start", "web", "--create"));

        Http.Response page = http.get(server.port(), "/");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("Directory listing");
        Result logs = sandbox.localdb().run("logs", "web");
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out()).contains("port=" + server.port() + " project=web");
        assertThat(Processes.ofHome(sandbox.home())).as("the shell and its dev server").hasSizeGreaterThanOrEqualTo(2);

        Result stop = sandbox.localdb().run("stop", "web");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(Processes.ofHome(sandbox.home()).stream().map(Processes::describe)).as("left running after stop").isEmpty();
        assertThat(QuietPorts.bindable(server.port())).isTrue();
    }

    @Test
    void aCommandThatExitsAtOnceFailsClearlyWithItsLogAndReleasesThePort() throws Exception {
        sandbox.localdb().run("new", "broken", "--command", "echo boom; exit 3");

        Result start = sandbox.localdb().run("start", "broken", "--create");

        assertThat(start.exitCode()).as(start.toString()).isEqualTo(5);
        assertThat(start.out()).doesNotContain("started");
        assertThat(start.err()).contains("error: Server for broken exited before it was ready on port");
        assertThat(start.err()).contains("Last lines of its log:").containsPattern("\\n  boom\\n");
        NoStackTrace.in(start.err());
        int port = RegistryFile.allocation(sandbox.home(), "broken").get("port").asInt();
        assertThat(RegistryFile.allocation(sandbox.home(), "broken").get("state").asText()).isEqualTo("released");
        assertThat(sandbox.localdb().run("ports").out()).containsPattern("broken\\s+" + port + "\\s+released");
        assertThat(QuietPorts.bindable(port)).isTrue();
        assertThat(Processes.ofHome(sandbox.home()).stream().map(Processes::describe)).as("left running").isEmpty();
    }

    @Test
    void aServerThatNeverListensIsStoppedAfterTheTimeoutAndItsPortReleased() throws Exception {
        sandbox.localdb().run("new", "sleepy", "--command", "echo not listening; sleep 60");

        Result start = sandbox.localdb().run("start", "sleepy", "--create", "--timeout", "1");

        assertThat(start.exitCode()).as(start.toString()).isEqualTo(5);
        assertThat(start.err()).contains("error: Server for sleepy did not accept connections on port")
                .contains("within 1 s").containsPattern("\\n  not listening\\n");
        NoStackTrace.in(start.err());
        assertThat(Processes.ofHome(sandbox.home()).stream().map(Processes::describe)).as("left running").isEmpty();
        assertThat(RegistryFile.allocation(sandbox.home(), "sleepy").get("state").asText()).isEqualTo("released");
    }

    /**
     * Between allocation and bind another program takes the port: the server fails, as dev servers
     * do on "address already in use", and localdb must start it again on another port. The wrapper
     * plays both parts on its first run: it starts a squatter on the port and exits 1.
     *
     * <p>The squatter listens on 127.0.0.2 (still loopback, still this machine), which takes the
     * port from every wildcard listener, so localdb sees it busy; but it never answers localdb's
     * readiness check on 127.0.0.1 or ::1, so the squatter cannot be mistaken for the project's
     * server in the moment before the wrapper exits. That keeps the test free of races.
     */
    @Test
    void aPortTakenByAnotherProgramBeforeTheServerListensMakesLocaldbRetryOnAnotherPort() throws Exception {
        Path squatterPid = sandbox.scratch().resolve("squatter.pid");
        Path squatter = sandbox.script("squatter.py", String.join("\n",
                "import os, socket, sys, time",
                "s = socket.socket()",
                "s.bind(('127.0.0.2', int(sys.argv[1])))",
                "s.listen()",
                "with open(sys.argv[2] + '.tmp', 'w') as f: f.write(str(os.getpid()))",
                "os.rename(sys.argv[2] + '.tmp', sys.argv[2])",
                "time.sleep(120)", ""));
        Path marker = sandbox.scratch().resolve("first-run-done");
        Path wrapper = sandbox.script("flaky-server.sh", String.join("\n",
                "#!/bin/sh",
                "if [ ! -e '" + marker + "' ]; then",
                "  touch '" + marker + "'",
                "  python3 '" + squatter + "' \"$PORT\" '" + squatterPid + "' &",
                "  while [ ! -s '" + squatterPid + "' ]; do sleep 0.02; done",
                "  echo \"port $PORT: address already in use\" >&2",
                "  exit 1",
                "fi",
                "exec " + HTTP_SERVER, ""));
        int preferred = sandbox.firstPort();
        sandbox.localdb().run("new", "flaky", "--port", Integer.toString(preferred), "--command", wrapper.toString());

        Result start = sandbox.localdb().run("start", "flaky", "--create");

        Started server = Started.from(start);
        assertThat(start.err()).contains("Port " + preferred + " was taken by another program");
        assertThat(server.port()).as("started on another port").isNotEqualTo(preferred)
                .isBetween(sandbox.firstPort(), sandbox.lastPort());
        assertThat(http.get(server.port(), "/").status()).isEqualTo(200);
        long foreign = Long.parseLong(Files.readString(squatterPid).trim());
        assertThat(Processes.isRunning(foreign)).as("localdb left the other program alone").isTrue();
        assertThat(RegistryFile.allocation(sandbox.home(), "flaky").get("port").asInt()).isEqualTo(server.port());
        ProcessHandle.of(foreign).ifPresent(ProcessHandle::destroyForcibly); // the sandbox would, with a warning
    }
}
