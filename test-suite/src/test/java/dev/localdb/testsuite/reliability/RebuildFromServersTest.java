package dev.localdb.testsuite.reliability;

import dev.localdb.testsuite.support.PlatformUnderTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localdb.testsuite.reliability.RegistryCorpus.Damage;
import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A damaged registry with real embedded servers running: the change that sets it aside rebuilds
 * their entries from their server.json files, so they keep their ports and stay stoppable; a
 * server that was killed is not brought back. The sandbox stops and kills every server after each
 * test, pass or fail.
 */
class RebuildFromServersTest {
    private static final Pattern URL = Pattern.compile("URL: http://localhost:(\\d+)\\n");
    private static final Pattern PID = Pattern.compile("PID: (\\d+)\\n");

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    record Server(String project, int port, long pid) {
    }

    @Test
    void runningProjectsKeepTheirPortsThroughEveryKindOfDamage() throws Exception {
        PlatformUnderTest.assumeListenersVisible(); // a server is rebuilt only once its listener is seen
        Server shop = start("shop");
        Server blog = start("blog");
        assertThat(sandbox.localdb().run("port", "web").exitCode()).as("a third entry, for the duplicate port").isZero();
        Path data = RegistryFile.path(sandbox.home());
        byte[] real = Files.readAllBytes(data);
        List<Damage> kinds = RegistryCorpus.damages(real).stream()
                .filter(d -> List.of("garbage text", "truncated in the middle", "duplicate ports", "over 1 MiB").contains(d.name()))
                .toList();
        assertThat(kinds).hasSize(4);
        int round = 0;
        for (Damage damage : kinds) {
            round++;
            RegistryCorpus.write(sandbox.home(), damage.bytes());
            String project = "other" + round;

            Result result = sandbox.localdb().run("port", project);

            assertThat(result.exitCode()).as(damage + ": " + result).isZero();
            int other = Integer.parseInt(result.out().trim());
            assertThat(other).as(damage.name()).isNotIn(shop.port(), blog.port());
            assertThat(result.err().lines()).as(damage + ": " + result).singleElement().asString()
                    .startsWith("warning: Registry " + data + " was damaged (")
                    .contains(damage.reason())
                    .endsWith(" and rebuilt it from the running servers: 2 running projects keep their ports (blog "
                            + blog.port() + ", shop " + shop.port() + ").");
            CorruptionAssertions.assertUserFacing(result.err());
            for (Server server : List.of(shop, blog)) {
                JsonNode entry = RegistryFile.allocation(sandbox.home(), server.project());
                assertThat(entry.get("port").asInt()).as(damage.name()).isEqualTo(server.port());
                assertThat(entry.get("state").asText()).isEqualTo("held");
                assertThat(entry.path("owner").path("pid").asLong()).as("owned by the server itself").isEqualTo(server.pid());
            }
            assertThat(RegistryFile.allocations(sandbox.home())).as("the reservation of web is lost, not guessed").hasSize(3);

            Result again = sandbox.localdb().run("start", "shop", "--create", "--no-browser");
            assertThat(again.out()).as(damage + ": " + again)
                    .contains("Project \"shop\" is already running: http://localhost:" + shop.port() + " (PID " + shop.pid() + ")");
            assertThat(http.get(shop.port(), "/health").json().get("pid").asLong()).isEqualTo(shop.pid());
        }
        assertThat(corruptCopies()).as("one damaged file kept per round").hasSize(kinds.size())
                .allSatisfy(copy -> assertThat(CorruptionAssertions.permissions(copy)).isEqualTo("rw-------"));

        Result stop = sandbox.localdb().run("stop", "shop");
        assertThat(stop.exitCode()).as("the rebuilt owner is verified and stopped: " + stop).isZero();
        assertThat(stop.out()).contains("Stopped shop (port " + shop.port() + " released");
        Poll.until("server of shop to end", Duration.ofSeconds(10), () -> !Processes.isRunning(shop.pid()));
        assertThat(Processes.isRunning(blog.pid())).isTrue();
        Figures.record("RebuildFromServersTest", kinds.size() + " kinds of damage with 2 embedded servers running: "
                + "both kept their ports every time, 0 failures");
    }

    @Test
    void aServerKilledWithMinus9IsNotBroughtBack() throws Exception {
        Server shop = start("shop");
        ProcessHandle.of(shop.pid()).ifPresent(ProcessHandle::destroyForcibly);
        Poll.until("killed server to end", Duration.ofSeconds(10), () -> !Processes.isRunning(shop.pid()));
        assertThat(sandbox.home().resolve("projects/shop/server.json")).as("a killed server leaves its file behind").exists();
        Path data = RegistryCorpus.write(sandbox.home(), "garbage".getBytes());

        Result result = sandbox.localdb().run("port", "web");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err().lines()).singleElement().asString().startsWith("warning: Registry " + data + " was damaged (")
                .endsWith(" and started a fresh one; no running server was found to rebuild it from.");
        assertThat(RegistryFile.allocations(sandbox.home())).extracting(a -> a.get("project").asText()).containsExactly("web");
        assertThat(Integer.parseInt(result.out().trim())).as("the dead server's port is free to give").isEqualTo(shop.port());
    }

    private Server start(String project) throws Exception {
        Result result = sandbox.localdb().run("start", project, "--create", "--no-browser");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        // start returns once the port accepts connections; the server writes server.json a moment later.
        Path serverJson = sandbox.home().resolve("projects").resolve(project).resolve("server.json");
        Poll.until(serverJson + " to be written", Duration.ofSeconds(10), () -> Files.exists(serverJson));
        return new Server(project, Integer.parseInt(group(URL, result)), Long.parseLong(group(PID, result)));
    }

    private List<Path> corruptCopies() throws Exception {
        try (Stream<Path> files = Files.list(RegistryFile.path(sandbox.home()).getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(".port-registry.json.corrupt-")).toList();
        }
    }

    private static String group(Pattern pattern, Result result) {
        Matcher matcher = pattern.matcher(result.out());
        assertThat(matcher.find()).as("%s in %s", pattern, result).isTrue();
        return matcher.group(1);
    }
}
