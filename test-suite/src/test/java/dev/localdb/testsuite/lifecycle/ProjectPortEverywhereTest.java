package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A project's own port ({@code new --port}) is honoured by port, run and start alike (issue #14, item 4). */
class ProjectPortEverywhereTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void portRunAndStartAllGiveTheProjectItsOwnPort() throws Exception {
        // Not the first port of the ranges, which any rule would hand out on a quiet machine.
        int own = sandbox.firstPort() + 5;
        assertThat(sandbox.localdb().run("new", "pp", "--port", Integer.toString(own)).exitCode()).isZero();

        assertThat(sandbox.localdb().run("port", "pp").port()).as("localdb port pp").isEqualTo(own);
        assertThat(sandbox.localdb().run("release", "pp", "--forget").exitCode()).isZero();

        Result run = sandbox.localdb().run("run", "pp", "--", "sh", "-c", "echo PORT=$PORT");
        assertThat(run.out()).as("localdb run pp: " + run).contains("PORT=" + own);
        assertThat(sandbox.localdb().run("release", "pp", "--forget").exitCode()).isZero();

        Started server = Started.from(sandbox.localdb().run("start", "pp", "--no-browser"));
        assertThat(server.port()).as("localdb start pp").isEqualTo(own);
    }
}
