package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One project's embedded server through start, stop and start again, on real ports. */
class StartStopTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @Test
    void startAnswersHealthStopFreesThePortAndTheNextStartGetsTheSamePort() throws Exception {
        Result first = sandbox.localdb().run("start", "shop", "--create");
        Started server = Started.from(first);
        assertThat(first.out()).as("a project that did not exist is created and the user is told")
                .contains("Created project shop (embedded LocalDB server)");
        assertThat(server.port()).isBetween(sandbox.firstPort(), sandbox.lastPort());

        Http.Response health = http.get(server.port(), "/health");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        JsonNode body = health.json();
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("project").asText()).isEqualTo("shop");
        assertThat(body.get("port").asInt()).isEqualTo(server.port());
        assertThat(body.get("pid").asLong()).as("the PID start printed is the server's").isEqualTo(server.pid());
        assertThat(RegistryFile.allocation(sandbox.home(), "shop").path("owner").path("pid").asLong())
                .as("the server owns the allocation").isEqualTo(server.pid());
        // The server writes server.json just after it starts listening, so it may trail start's exit a little.
        Path serverJson = sandbox.home().resolve("projects/shop/server.json");
        Poll.until("server.json to be written", Duration.ofSeconds(10), () -> Files.exists(serverJson));
        JsonNode info = new ObjectMapper().readTree(serverJson.toFile());
        assertThat(info.get("pid").asLong()).isEqualTo(server.pid());
        assertThat(info.get("port").asInt()).isEqualTo(server.port());

        Result stop = sandbox.localdb().run("stop", "shop");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).contains("Stopped shop (port " + server.port() + " released");
        assertThat(Processes.isRunning(server.pid())).as("server process gone after stop").isFalse();
        assertThat(QuietPorts.bindable(server.port())).as("port %d free after stop", server.port()).isTrue();
        assertThat(RegistryFile.allocation(sandbox.home(), "shop").get("state").asText()).isEqualTo("released");
        assertThat(Files.exists(serverJson)).as("server.json removed").isFalse();

        Started again = Started.from(sandbox.localdb().run("start", "shop", "--create"));
        assertThat(again.port()).as("the project gets its port back").isEqualTo(server.port());
        assertThat(again.pid()).isNotEqualTo(server.pid());
        assertThat(http.get(again.port(), "/health").json().get("pid").asLong()).isEqualTo(again.pid());
    }

    @Test
    void startingARunningProjectPrintsItsUrlAndStartsNothing() throws Exception {
        Started server = Started.from(sandbox.localdb().run("start", "shop", "--create"));

        Result again = sandbox.localdb().run("start", "shop", "--create");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Project \"shop\" is already running: " + server.url() + " (PID " + server.pid() + ")");
        assertThat(Processes.ofHome(sandbox.home())).as("still exactly one server")
                .extracting(ProcessHandle::pid).containsExactly(server.pid());
    }

    @Test
    void stoppingAProjectThatIsNotRunningSaysSoAndSucceeds() throws Exception {
        assertThat(sandbox.localdb().run("new", "idle").exitCode()).isZero();

        Result stop = sandbox.localdb().run("stop", "idle");

        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).contains("Project idle is not running.");
    }

    @Test
    void stoppingAnUnknownProjectIsBadInput() throws Exception {
        Result stop = sandbox.localdb().run("stop", "nosuchproject");

        assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(2);
        assertThat(stop.err()).contains("No project nosuchproject.");
        NoStackTrace.in(stop.err());
    }

    @Test
    void stopWithTimeoutZeroKillsAtOnceAndDoesNotBlameTheServer() throws Exception {
        assertThat(sandbox.localdb().run("new", "quick").exitCode()).isZero();
        Started server = Started.from(sandbox.localdb().run("start", "quick", "--no-browser"));

        Result stop = sandbox.localdb().run("stop", "quick", "--timeout", "0");

        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).as(stop.toString()).doesNotContain("ignored")
                .containsAnyOf("Killed quick at once, as --timeout 0 asks (port " + server.port(), "Stopped quick (port " + server.port());
        assertThat(Processes.isRunning(server.pid())).isFalse();
    }
}
