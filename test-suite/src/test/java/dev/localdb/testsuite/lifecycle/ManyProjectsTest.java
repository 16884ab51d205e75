package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.ListeningSockets;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Parallel;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.QuietPorts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several projects side by side, each on its own port, started at the same moment. */
class ManyProjectsTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @Test
    void threeProjectsStartedTogetherGetThreePortsAndStopAllStopsThemAll() throws Exception {
        List<String> projects = List.of("alpha", "beta", "gamma");
        List<Result> results = Parallel.run(sandbox.localdb(),
                projects.stream().map(p -> new String[] {"start", p, "--create", "--no-browser"}).toList());

        List<Started> servers = results.stream().map(Started::from).toList();
        List<Integer> ports = servers.stream().map(Started::port).toList();
        assertThat(ports).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isBetween(sandbox.firstPort(), sandbox.lastPort()));
        for (int i = 0; i < projects.size(); i++) {
            Http.Response health = http.get(ports.get(i), "/health");
            assertThat(health.status()).as(health.toString()).isEqualTo(200);
            assertThat(health.json().get("project").asText()).isEqualTo(projects.get(i));
            assertThat(health.json().get("pid").asLong()).isEqualTo(servers.get(i).pid());
        }

        String listing = sandbox.localdb().run("ports").out();
        for (int i = 0; i < projects.size(); i++) {
            assertThat(listing).containsPattern(projects.get(i) + "\\s+" + ports.get(i) + "\\s+active\\s+" + servers.get(i).pid());
        }

        Result stopAll = sandbox.localdb().run("stop", "--all");
        assertThat(stopAll.exitCode()).as(stopAll.toString()).isZero();
        for (int i = 0; i < projects.size(); i++) {
            assertThat(stopAll.out()).contains("Stopped " + projects.get(i) + " (port " + ports.get(i) + " released");
            assertThat(ListeningSockets.on(ports.get(i))).as("listening on port %d after stop --all", ports.get(i)).isEmpty();
            assertThat(QuietPorts.bindable(ports.get(i))).isTrue();
        }
        assertThat(Processes.ofHome(sandbox.home()).stream().map(Processes::describe))
                .as("processes of this home still running after stop --all").isEmpty();
        assertThat(sandbox.localdb().run("ports").out()).doesNotContain("active");
    }
}
