package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #14, item 8: `run` without a command runs the project's own; a $PORT the shell ate is caught. */
class RunOwnCommandTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void runWithoutACommandRunsTheProjectsOwnInItsDir() throws Exception {
        Path dir = Files.createDirectories(sandbox.scratch().resolve("app"));
        assertThat(sandbox.localdb().run("new", "node", "--dir", dir.toString(), "--command", "echo \"in $(pwd) on $PORT\"").exitCode()).isZero();

        Result run = sandbox.localdb().run("run", "node");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        int port = RegistryFile.allocation(sandbox.home(), "node").get("port").asInt();
        assertThat(run.out()).as(run.toString()).isEqualTo("in " + dir.toRealPath() + " on " + port + "\n");
        Result embedded = sandbox.localdb().run("run", "demo-db");
        assertThat(sandbox.localdb().run("new", "db").exitCode()).isZero();
        Result db = sandbox.localdb().run("run", "db");
        assertThat(embedded.exitCode()).isEqualTo(2);
        assertThat(embedded.err()).contains("Give the command to run after --");
        assertThat(db.exitCode()).isEqualTo(2);
        assertThat(db.err()).contains("runs the embedded LocalDB server: use 'localdb start db'");
    }

    @Test
    void aPortFlagWithoutAValueIsRefusedWithTheCommandWrittenAsItShouldBe() throws Exception {
        // What the shell leaves of `localdb run web -- npx vite --port $PORT` when PORT is unset there.
        Result eaten = sandbox.localdb().run("run", "web", "--", "npx", "vite", "--port");
        Result quoted = sandbox.localdb().run("run", "web", "--", "npx", "vite", "--port", "", "--host");

        for (Result refused : new Result[] {eaten, quoted}) {
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err()).as(refused.toString()).contains("--port has no value: your shell replaced $PORT before localdb set it");
        }
        assertThat(eaten.err()).contains("localdb run web -- sh -c 'npx vite --port $PORT'");
        assertThat(Files.exists(sandbox.home().resolve("runtime/.port-registry.json"))
                ? RegistryFile.allocations(sandbox.home()) : java.util.List.of()).as("no port was allocated").isEmpty();
    }
}
