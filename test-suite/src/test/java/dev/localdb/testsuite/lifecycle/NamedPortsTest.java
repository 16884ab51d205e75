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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A project with a named port, through the real launcher and a real server: the server finds both
 * ports in its environment, they are distinct, listed, and the same again after stop and start.
 */
class NamedPortsTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @Test
    void theServerGetsPortAndPortApiWhichAreListedReleasedTogetherAndStickyAcrossStopAndStart() throws Exception {
        Path envFile = sandbox.scratch().resolve("server-env.txt");
        // The server writes what it was given (atomically, so the test never reads half a file),
        // then serves on $PORT so that start sees it ready.
        String command = "sh -c 'printf \"PORT=%s\\nPORT_API=%s\\n\" \"$PORT\" \"$PORT_API\" > \"$0.tmp\" && mv \"$0.tmp\" \"$0\""
                + " && exec python3 -m http.server \"$PORT\" --bind 127.0.0.1' '" + envFile + "'";
        Result created = sandbox.localdb().run("new", "app", "--port-name", "api", "--command", command);
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("Named ports: api ($PORT_API).");

        Result start = sandbox.localdb().run("start", "app", "--create");

        Started server = Started.from(start);
        Map<String, Integer> env = serverEnvironment(envFile);
        int api = env.get("PORT_API");
        assertThat(env.get("PORT")).isEqualTo(server.port());
        assertThat(api).as("a port of its own").isNotEqualTo(server.port()).isBetween(sandbox.firstPort(), sandbox.lastPort());
        assertThat(start.out()).contains("  api: http://localhost:" + api + " ($PORT_API)\n");
        assertThat(http.get(server.port(), "/").status()).isEqualTo(200);

        Result ports = sandbox.localdb().run("ports");
        assertThat(ports.out()).as(ports.toString())
                .containsPattern("(?m)^app\\s+" + server.port() + "\\s+active\\s+" + server.pid())
                .containsPattern("(?m)^app:api\\s+" + api + "\\s+active\\s+" + server.pid());
        JsonNode listed = new ObjectMapper().readTree(sandbox.localdb().run("ports", "--json").out()).get("allocations").get(0);
        assertThat(listed.get("namedPorts").get("api").asInt()).isEqualTo(api);
        JsonNode status = new ObjectMapper().readTree(sandbox.localdb().run("status", "app", "--json").out()).get("projects").get(0);
        assertThat(status.get("namedPorts").get("api").asInt()).isEqualTo(api);
        assertThat(RegistryFile.read(sandbox.home()).get("schemaVersion").asInt()).as("named ports need schema 2").isEqualTo(2);
        assertThat(RegistryFile.allocation(sandbox.home(), "app").get("namedPorts").get("api").asInt()).isEqualTo(api);
        Result printed = sandbox.localdb().run("port", "app", "--name", "api");
        assertThat(printed.port()).as("port --name prints the named port of the running project").isEqualTo(api);

        Result stop = sandbox.localdb().run("stop", "app");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).as("names every port it released")
                .contains("Stopped app (ports " + server.port() + " and api " + api + " released, remembered for next time).");
        assertThat(Processes.ofHome(sandbox.home()).stream().map(Processes::describe)).as("left running after stop").isEmpty();
        JsonNode released = RegistryFile.allocation(sandbox.home(), "app");
        assertThat(released.get("state").asText()).isEqualTo("released");
        assertThat(released.get("namedPorts").get("api").asInt()).as("remembered with the main port").isEqualTo(api);
        assertThat(QuietPorts.bindable(server.port())).isTrue();
        assertThat(QuietPorts.bindable(api)).isTrue();

        Files.delete(envFile);
        Started again = Started.from(sandbox.localdb().run("start", "app", "--create"));
        Map<String, Integer> envAgain = serverEnvironment(envFile);

        assertThat(again.pid()).isNotEqualTo(server.pid());
        assertThat(again.port()).as("the same main port").isEqualTo(server.port());
        assertThat(envAgain.get("PORT")).isEqualTo(server.port());
        assertThat(envAgain.get("PORT_API")).as("the same named port").isEqualTo(api);
    }

    @Test
    void aBadPortNameIsRefusedInOneLineWithExitTwo() throws Exception {
        Result refused = sandbox.localdb().run("new", "app", "--port-name", "api", "--port-name", "api");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("error: Port name \"api\" is given twice: give each --port-name once.\n");
        NoStackTrace.in(refused.err());
        assertThat(sandbox.home().resolve("projects/app")).doesNotExist();
    }

    /** The variables the server wrote, once it has written them. */
    private static Map<String, Integer> serverEnvironment(Path envFile) throws Exception {
        Poll.until("the server to write its environment to " + envFile, Duration.ofSeconds(30), () -> Files.exists(envFile));
        Map<String, Integer> env = new HashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            String[] pair = line.split("=", 2);
            assertThat(pair[1]).as("%s is set to a port number", pair[0]).matches("\\d+");
            env.put(pair[0], Integer.parseInt(pair[1]));
        }
        assertThat(env).containsOnlyKeys("PORT", "PORT_API");
        return env;
    }
}
