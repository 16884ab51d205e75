package dev.localdb.testsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #14, item 15: ports localdb never hands out are named as such, not blamed on other projects. */
class EphemeralRangeWordingTest {
    private static final Path LINUX_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void aRangeInsideTheEphemeralRangeSaysSoAndAPreferredPortThereIsWarnedAbout() throws Exception {
        int inside = ephemeralFirst() + 100;

        Result none = sandbox.localdb().env("LOCALDB_PORT_RANGES", inside + "-" + (inside + 9)).run("port", "web");
        sandbox.localdb().env("LOCALDB_PORT_RANGES", sandbox.firstPort() + "-" + sandbox.lastPort());
        Result created = sandbox.localdb().run("new", "api", "--port", Integer.toString(inside));

        assertThat(none.exitCode()).as(none.toString()).isNotZero();
        assertThat(none.err()).as(none.toString()).contains("ephemeral range", "never hands out").doesNotContain("localdb release");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.err()).as(created.toString()).contains("warning: port " + inside + " is in this system's ephemeral range",
                "api will get a port from the configured ranges instead");
        assertThat(sandbox.localdb().run("port", "api").port()).isBetween(sandbox.firstPort(), sandbox.lastPort());
    }

    private static int ephemeralFirst() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(LINUX_RANGE), "needs Linux's " + LINUX_RANGE);
        // Not Files.readString: /proc files report size 0, and a read sized by it stops early.
        return Integer.parseInt(Files.readAllLines(LINUX_RANGE).get(0).trim().split("\\s+")[0]);
    }
}
