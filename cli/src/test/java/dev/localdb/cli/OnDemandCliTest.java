package dev.localdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.adapters.storage.LocalDbHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new --on-demand} and {@code edit --[no-]on-demand}, in process: what is recorded and said.
 * The end-to-end test in test-suite has the proxy start such a project.
 */
class OnDemandCliTest {
    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
    }

    private Run ok(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LocalDbCli.run(args, Map.of(LocalDbHome.ENV, home.toString(), "LOCALDB_PROXY_HTTP_PORT", "8355"),
                home.toString(), new PrintWriter(out), new PrintWriter(err));
        Run run = new Run(code, out.toString(), err.toString());
        assertThat(run.code()).as("localdb %s: %s", String.join(" ", args), run).isZero();
        return run;
    }

    private String projectFile() throws Exception {
        return Files.readString(home.resolve("projects/web/project.json"));
    }

    @Test
    void newOnDemandRecordsItAndSaysWhichRequestStartsIt() throws Exception {
        Run created = ok("new", "web", "--on-demand");

        assertThat(projectFile()).contains("\"onDemand\" : true");
        assertThat(created.out()).contains("On demand: the proxy starts it on the first request to http://web.localhost:8355");
    }

    @Test
    void newWithoutItRecordsNothingAndSaysNothing() throws Exception {
        Run created = ok("new", "web");

        assertThat(projectFile()).doesNotContain("onDemand");
        assertThat(created.out()).doesNotContain("On demand");
    }

    @Test
    void editTurnsItOnAndOffAndSaysSo() throws Exception {
        ok("new", "web");

        assertThat(ok("edit", "web", "--on-demand").out()).contains("Changed web: on demand no -> yes.");
        assertThat(projectFile()).contains("\"onDemand\" : true");
        assertThat(ok("edit", "web", "--on-demand").out()).contains("Nothing changed");

        assertThat(ok("edit", "web", "--no-on-demand").out()).contains("Changed web: on demand yes -> no.");
        assertThat(projectFile()).doesNotContain("onDemand");
    }

    @Test
    void editOfAnotherSettingKeepsOnDemand() throws Exception {
        ok("new", "web", "--on-demand");

        ok("edit", "web", "--port", "4100");

        assertThat(projectFile()).contains("\"onDemand\" : true").contains("4100");
    }
}
