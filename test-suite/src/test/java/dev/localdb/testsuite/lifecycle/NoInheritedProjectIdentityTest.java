package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A project started from another project's dashboard (which runs localdb with its own server's
 * environment) or from inside {@code localdb run} gets its own ports only, never the caller's
 * {@code PORT_<NAME>} (issue #13, item 8). The caller here carries exactly what the dashboard
 * server of a project "admin" with a named port "db" carries.
 */
class NoInheritedProjectIdentityTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void startAndRunGiveTheServerItsOwnPortsAndNoneOfTheCallers() throws Exception {
        sandbox.localdb().env("PORT", "1").env("PORT_DB", "5432").env("LOCALDB_PROJECT", "admin");
        Path seen = sandbox.scratch().resolve("env.txt");
        Result created = sandbox.localdb().run("new", "shop", "--command",
                "env > '" + seen + "'; exec python3 -m http.server \"$PORT\" --bind 127.0.0.1");
        assertThat(created.exitCode()).as(created.toString()).isZero();

        Started server = Started.from(sandbox.localdb().run("start", "shop"));

        assertThat(Files.readAllLines(seen)).as("the environment of shop's server")
                .contains("PORT=" + server.port(), "LOCALDB_PROJECT=shop", "LOCALDB_HOME=" + sandbox.home())
                .noneMatch(line -> line.startsWith("PORT_DB="));
        assertThat(sandbox.localdb().run("stop", "shop").exitCode()).isZero();

        Result run = sandbox.localdb().run("run", "shop", "--", "env");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).as("the environment of localdb run's command")
                .contains("LOCALDB_PROJECT=shop").noneMatch(line -> line.startsWith("PORT_DB=") || line.equals("PORT=1"));
    }
}
