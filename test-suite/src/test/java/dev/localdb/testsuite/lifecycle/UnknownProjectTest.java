package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A typo never creates a project; every command says the same about an unknown name (issue #14, items 6 and 12). */
class UnknownProjectTest {
    private static final String NO_NODE2 = "error: No project node2. Did you mean node? Create it with 'localdb new node2'"
            + " (or 'localdb start node2 --create'); 'localdb status' lists the projects.\n";

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void startingAnUnknownNameCreatesNothingAndSuggestsTheClosestName() throws Exception {
        assertThat(sandbox.localdb().run("new", "node").exitCode()).isZero();

        Result start = sandbox.localdb().run("start", "node2");

        assertThat(start.exitCode()).as(start.toString()).isEqualTo(2);
        assertThat(start.err()).isEqualTo(NO_NODE2);
        assertThat(start.out()).isEmpty();
        assertThat(Files.exists(sandbox.home().resolve("projects/node2"))).as("no project folder").isFalse();
        assertThat(Files.exists(RegistryFile.path(sandbox.home()))
                && RegistryFile.allocations(sandbox.home()).stream().anyMatch(a -> a.path("project").asText().equals("node2")))
                .as("no port allocated").isFalse();
        assertThat(Processes.ofHome(sandbox.home())).as("no server started").isEmpty();
    }

    @Test
    void stopStatusLogsAndOpenSayTheSameAboutAnUnknownName() throws Exception {
        assertThat(sandbox.localdb().run("new", "node").exitCode()).isZero();

        for (String command : new String[] {"stop", "status", "logs", "open"}) {
            Result result = sandbox.localdb().run(command, "node2");
            assertThat(result.exitCode()).as(command + ": " + result).isEqualTo(2);
            assertThat(result.err()).as(command).isEqualTo(NO_NODE2);
        }
    }

    @Test
    void startCreateMakesTheProjectAsTheReadmeSays() throws Exception {
        Result start = sandbox.localdb().run("start", "demo", "--create", "--no-browser");

        Started server = Started.from(start);
        assertThat(start.out()).contains("Created project demo (embedded LocalDB server)");
        Result again = sandbox.localdb().run("stop", "demo");
        assertThat(again.out()).as(again.toString()).contains("Stopped demo (port " + server.port());
        assertThat(Started.from(sandbox.localdb().run("start", "demo", "--no-browser")).port())
                .as("once created, a plain start works").isEqualTo(server.port());
    }
}
