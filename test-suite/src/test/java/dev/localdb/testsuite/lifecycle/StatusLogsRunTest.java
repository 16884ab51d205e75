package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The commands around a running project: status, logs, and the foreground {@code run}. */
class StatusLogsRunTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void statusAndLogsDescribeTheRunningServer() throws Exception {
        Started server = Started.from(sandbox.localdb().run("start", "blog", "--create"));
        assertThat(sandbox.localdb().run("new", "drafts").exitCode()).isZero();

        Result status = sandbox.localdb().run("status", "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode projects = new ObjectMapper().readTree(status.out()).get("projects");
        assertThat(projects).hasSize(2);
        JsonNode blog = projects.get(0);
        assertThat(blog.get("project").asText()).isEqualTo("blog");
        assertThat(blog.get("state").asText()).isEqualTo("running");
        assertThat(blog.get("port").asInt()).isEqualTo(server.port());
        assertThat(blog.get("url").asText()).isEqualTo(server.url());
        assertThat(blog.get("pid").asLong()).isEqualTo(server.pid());
        JsonNode drafts = projects.get(1);
        assertThat(drafts.get("project").asText()).isEqualTo("drafts");
        assertThat(drafts.get("state").asText()).isEqualTo("stopped");
        assertThat(drafts.get("url").isNull()).isTrue();
        assertThat(drafts.get("pid").isNull()).isTrue();

        Result table = sandbox.localdb().run("status", "blog");
        assertThat(table.out()).containsPattern("blog\\s+running\\s+" + server.port() + "\\s+" + server.url() + "\\s+" + server.pid());

        Result logs = sandbox.localdb().run("logs", "blog");
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out()).contains("--- localdb: starting blog on port " + server.port());
    }

    @Test
    void runGivesTheCommandAPortPassesItsExitCodeAndReleasesThePort() throws Exception {
        Result run = sandbox.localdb().run("run", "tool", "--", "sh", "-c", "echo PORT=$PORT; exit 7");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(7);
        int port = Integer.parseInt(run.out().replaceAll("(?s).*PORT=(\\d+).*", "$1"));
        assertThat(run.err().lines().findFirst()).as("the first line names the port")
                .contains("Running tool on port " + port + " (in $PORT); released when the command exits.");
        assertThat(port).isBetween(sandbox.firstPort(), sandbox.lastPort());
        assertThat(RegistryFile.allocation(sandbox.home(), "tool").get("port").asInt()).isEqualTo(port);
        assertThat(RegistryFile.allocation(sandbox.home(), "tool").get("state").asText()).isEqualTo("released");
        assertThat(sandbox.localdb().run("ports").out()).containsPattern("tool\\s+" + port + "\\s+released");
        assertThat(QuietPorts.bindable(port)).isTrue();
    }

    /** Issue #16: the input is right, the project is busy; scripts can tell that from a typo (exit 2). */
    @Test
    void runOfAProjectWhoseServerRunsExitsWithProjectInUseAndLeavesTheServerAlone() throws Exception {
        Started server = Started.from(sandbox.localdb().run("start", "blog", "--create"));

        Result run = sandbox.localdb().run("run", "blog", "--", "sh", "-c", "echo ran");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(6);
        assertThat(run.out()).doesNotContain("ran");
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .startsWith("error: Project blog is already served on port " + server.port() + " by process " + server.pid())
                .endsWith("stop it first with 'localdb stop blog'.");
        assertThat(sandbox.localdb().run("status", "blog").out()).containsPattern("blog\\s+running\\s+" + server.port());
        assertThat(sandbox.localdb().run("stop", "blog").exitCode()).isZero();
    }

    @Test
    void runOfACommandThatDoesNotExistExits127LikeAShellAndReleasesThePort() throws Exception {
        Result run = sandbox.localdb().run("run", "tool", "--", "no-such-command-anywhere");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(127);
        assertThat(run.err()).endsWith("\nerror: no-such-command-anywhere: command not found\n");
        assertThat(sandbox.localdb().run("ports").out()).containsPattern("tool\\s+\\d+\\s+released");

        java.nio.file.Path plain = java.nio.file.Files.writeString(sandbox.scratch().resolve("plain.txt"), "hello");
        Result notExecutable = sandbox.localdb().run("run", "tool", "--", plain.toString());
        assertThat(notExecutable.exitCode()).as("a file that is not executable: " + notExecutable).isEqualTo(126);
        assertThat(notExecutable.err()).endsWith(": permission denied (not an executable file)\n");
    }

    @Test
    void logsTailPrintsOnlyTheLastLinesOfALongLog() throws Exception {
        assertThat(sandbox.localdb().run("new", "chatty").exitCode()).isZero();
        sandbox.localdb().run("port", "chatty").port(); // creates the runtime folder the log lives in
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            text.append("line ").append(i).append('\n'); // about 50 KB: the tail is found across several blocks
        }
        java.nio.file.Path log = sandbox.home().resolve("runtime/chatty.log");
        java.nio.file.Files.writeString(log, text);

        assertThat(sandbox.localdb().run("logs", "chatty", "--tail", "3").out()).isEqualTo("line 4998\nline 4999\nline 5000\n");
        assertThat(sandbox.localdb().run("logs", "chatty", "-n", "1").out()).isEqualTo("line 5000\n");
        assertThat(sandbox.localdb().run("logs", "chatty", "-n", "0").out()).isEmpty();
        assertThat(sandbox.localdb().run("logs", "chatty", "-n", "9999").out()).as("more than there are: all").isEqualTo(text.toString());

        java.nio.file.Files.writeString(log, "a\nb\nunfinished", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(sandbox.localdb().run("logs", "chatty", "-n", "2").out()).isEqualTo("b\nunfinished");
        Result negative = sandbox.localdb().run("logs", "chatty", "-n", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).startsWith("error: --tail -1 is negative");
    }

    @Test
    void followingAStoppedProjectSaysSoAndShowsItsNextStart() throws Exception {
        assertThat(sandbox.localdb().run("new", "later").exitCode()).isZero();
        dev.localdb.testsuite.support.LocalDbRunner.Started follow = sandbox.localdb().start("logs", "later", "-f");
        try {
            Poll.until("logs -f to say it waits", Duration.ofSeconds(30), () -> read(follow.err()).contains(
                    "later is not running; waiting for its next start ('localdb start later'). Ctrl-C stops waiting."));
            assertThat(follow.process().isAlive()).as("it waits instead of failing").isTrue();

            Started server = Started.from(sandbox.localdb().run("start", "later", "--no-browser"));

            Poll.until("logs -f to show the start", Duration.ofSeconds(30),
                    () -> read(follow.out()).contains("--- localdb: starting later on port " + server.port()));
        } finally {
            follow.process().destroyForcibly();
            follow.await();
        }
    }

    private static String read(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
