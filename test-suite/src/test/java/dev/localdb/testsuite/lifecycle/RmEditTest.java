package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Processes;
import dev.localdb.testsuite.support.PseudoTerminal;
import dev.localdb.testsuite.support.QuietPorts;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code localdb rm} and {@code localdb edit} (issue #14 item 9), through bin/localdb. */
class RmEditTest {
    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @Test
    void rmForceStopsTheServerForgetsItsPortRemovesTheFolderAndKeepsTheData() throws Exception {
        Started server = Started.from(sandbox.localdb().run("start", "shop", "--create", "--no-browser"));
        Http.Response created = http.send("POST", server.port(), "/api/orders", "{\"item\":\"tea\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        Result rm = sandbox.localdb().run("rm", "shop", "--force");

        assertThat(rm.exitCode()).as(rm.toString()).isZero();
        assertThat(rm.out()).contains("Removed project shop: stopped its server (PID " + server.pid() + "), forgot port " + server.port());
        assertThat(Processes.isRunning(server.pid())).as("server process gone").isFalse();
        assertThat(QuietPorts.bindable(server.port())).as("port free").isTrue();
        assertThat(sandbox.home().resolve("projects/shop")).doesNotExist();
        assertThat(sandbox.home().resolve("runtime/shop.log")).doesNotExist();
        assertThat(RegistryFile.allocations(sandbox.home())).as("registry entries").isEmpty();
        Path kept = onlyRemoval("shop");
        assertThat(rm.out()).contains("Its data is kept in " + kept);
        try (Stream<Path> files = Files.walk(kept)) {
            assertThat(files.filter(Files::isRegularFile).map(RmEditTest::read)).anyMatch(text -> text.contains("tea"));
        }
        Result status = sandbox.localdb().run("status", "shop");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(2);
        assertThat(status.err()).contains("No project shop.");

        Result again = sandbox.localdb().run("new", "shop");
        assertThat(again.out()).as("a new shop says where the old data is").contains("It starts with no data")
                .contains(kept.getParent().toString());
        Started fresh = Started.from(sandbox.localdb().run("start", "shop", "--no-browser"));
        assertThat(http.get(fresh.port(), "/api/orders").body()).doesNotContain("tea");
    }

    @Test
    void rmPurgeDeletesTheData() throws Exception {
        Started server = Started.from(sandbox.localdb().run("start", "shop", "--create", "--no-browser"));
        http.send("POST", server.port(), "/api/orders", "{\"item\":\"tea\"}");

        Result rm = sandbox.localdb().run("rm", "shop", "--purge", "--force");

        assertThat(rm.exitCode()).as(rm.toString()).isZero();
        assertThat(rm.out()).contains("Its data was deleted.");
        assertThat(sandbox.home().resolve("projects/shop")).doesNotExist();
        assertThat(sandbox.home().resolve("removed")).doesNotExist();
        assertThat(Processes.isRunning(server.pid())).isFalse();
    }

    /** helper-19's finding 10: a project that never wrote a document had nothing to delete, and says so. */
    @Test
    void rmPurgeOfAProjectWithoutDataDoesNotClaimToHaveDeletedAny() throws Exception {
        assertThat(sandbox.localdb().run("new", "empty").exitCode()).isZero();

        Result rm = sandbox.localdb().run("rm", "empty", "--purge", "--force");

        assertThat(rm.exitCode()).as(rm.toString()).isZero();
        assertThat(rm.out()).contains("It had no data.");
        assertThat(rm.out()).doesNotContain("Its data was deleted");
    }

    @Test
    void rmOfARunningProjectWithoutForceAndWithoutATerminalRefusesAndChangesNothing() throws Exception {
        Started server = Started.from(sandbox.localdb().run("start", "shop", "--create", "--no-browser"));
        String registry = Files.readString(RegistryFile.path(sandbox.home()));

        for (String[] args : new String[][] {{"rm", "shop"}, {"rm", "shop", "--purge"}}) {
            Result rm = sandbox.localdb().run(args);

            assertThat(rm.exitCode()).as(rm.toString()).isEqualTo(2);
            assertThat(rm.err().lines()).as(rm.toString()).hasSize(1);
            assertThat(rm.err()).contains("error: Project shop is running on port " + server.port())
                    .contains("no terminal to ask at").contains("--force");
        }

        assertThat(Processes.isRunning(server.pid())).as("server left running").isTrue();
        assertThat(http.get(server.port(), "/health").status()).isEqualTo(200);
        assertThat(sandbox.home().resolve("projects/shop/project.json")).exists();
        assertThat(Files.readString(RegistryFile.path(sandbox.home()))).isEqualTo(registry);
    }

    @Test
    void rmOfAServerThatCannotBeStoppedKeepsEverything() throws Exception {
        sandbox.localdb().run("new", "tree");
        assertThat(sandbox.localdb().run("port", "tree").exitCode()).isZero();
        RegistryFile.giveOwner(sandbox.home(), "tree", 1); // a process localdb never signals

        Result rm = sandbox.localdb().run("rm", "tree", "--force", "--purge");

        assertThat(rm.exitCode()).as(rm.toString()).isEqualTo(1);
        assertThat(rm.err().lines()).singleElement().asString()
                .startsWith("error: Did not stop tree: its registry entry names PID 1").endsWith("Nothing was removed.");
        assertThat(rm.out()).doesNotContain("Removed");
        assertThat(sandbox.home().resolve("projects/tree/project.json")).exists();
        assertThat(sandbox.home().resolve("projects/tree/data")).exists();
        assertThat(RegistryFile.allocation(sandbox.home(), "tree").path("owner").path("pid").asLong()).isEqualTo(1);
    }

    @Test
    void rmAtATerminalAsksAndAnAnswerOfNoChangesNothing() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is needed for a pseudo-terminal");
        Started server = Started.from(sandbox.localdb().run("start", "shop", "--create", "--no-browser"));

        try (PseudoTerminal.Session session = PseudoTerminal.open(sandbox.home(), sandbox.env(), "rm", "shop")) {
            session.awaitOutput("Stop and remove shop? [y/N]", Duration.ofSeconds(60));
            session.type("n\r");
            Result answered = session.await();
            assertThat(answered.exitCode()).as(answered.toString()).isEqualTo(1);
            assertThat(answered.out()).contains("Nothing removed.");
        }
        assertThat(Processes.isRunning(server.pid())).isTrue();
        assertThat(sandbox.home().resolve("projects/shop/project.json")).exists();

        try (PseudoTerminal.Session session = PseudoTerminal.open(sandbox.home(), sandbox.env(), "rm", "shop")) {
            session.awaitOutput("Stop and remove shop? [y/N]", Duration.ofSeconds(60));
            session.type("y\r");
            Result answered = session.await();
            assertThat(answered.exitCode()).as(answered.toString()).isZero();
            assertThat(answered.out()).contains("Removed project shop: stopped its server");
        }
        assertThat(Processes.isRunning(server.pid())).isFalse();
        assertThat(sandbox.home().resolve("projects/shop")).doesNotExist();
    }

    @Test
    void rmOfAStoppedProjectNeedsNoQuestionAndForgetsItsRememberedPort() throws Exception {
        Started server = Started.from(sandbox.localdb().run("start", "shop", "--create", "--no-browser"));
        sandbox.localdb().run("stop", "shop");

        Result rm = sandbox.localdb().run("rm", "shop");

        assertThat(rm.exitCode()).as(rm.toString()).isZero();
        assertThat(rm.out()).contains("forgot port " + server.port()).contains("It had no data to keep.");
        assertThat(RegistryFile.allocations(sandbox.home())).isEmpty();
        assertThat(sandbox.home().resolve("removed")).as("an empty data folder is not kept").doesNotExist();
    }

    @Test
    void editChangesCommandDirAndPortAndTheNextStartUsesThem() throws Exception {
        Path site = Files.createDirectory(sandbox.scratch().resolve("site"));
        Files.writeString(site.resolve("marker.txt"), "edited dir");
        int wanted = sandbox.lastPort();
        sandbox.localdb().run("new", "web", "--command", "echo old; exit 3");
        int remembered = sandbox.localdb().run("port", "web").port();
        sandbox.localdb().run("release", "web");

        Result edit = sandbox.localdb().run("edit", "web", "--command", "python3 -m http.server \"$PORT\" --bind 127.0.0.1",
                "--dir", site.toString(), "--port", Integer.toString(wanted));

        assertThat(edit.exitCode()).as(edit.toString()).isZero();
        assertThat(edit.out()).contains("Changed web: port (none) -> " + wanted)
                .contains("command \"echo old; exit 3\" -> \"python3 -m http.server \"$PORT\" --bind 127.0.0.1\"")
                .contains("dir (the project's folder) -> " + site)
                .contains("Forgot the remembered port " + remembered);
        assertThat(sandbox.localdb().run("port", "web").port()).as("localdb port uses the new port").isEqualTo(wanted);
        sandbox.localdb().run("release", "web");
        Started server = Started.from(sandbox.localdb().run("start", "web", "--no-browser"));
        assertThat(server.port()).isEqualTo(wanted);
        assertThat(http.get(wanted, "/marker.txt").body()).as("served from the new --dir").isEqualTo("edited dir");
        assertThat(sandbox.localdb().run("status", "web").out()).containsPattern("web\\s+running\\s+" + wanted);

        Result whileRunning = sandbox.localdb().run("edit", "web", "--command", "python3 -m http.server \"$PORT\"");
        assertThat(whileRunning.exitCode()).as(whileRunning.toString()).isZero();
        assertThat(whileRunning.out()).contains("the change applies at its next start");
        Result portWhileRunning = sandbox.localdb().run("edit", "web", "--port", Integer.toString(sandbox.firstPort()));
        assertThat(portWhileRunning.exitCode()).as(portWhileRunning.toString()).isEqualTo(2);
        assertThat(portWhileRunning.err()).contains("error: Project web is running; stop it first");
        assertThat(Files.readString(sandbox.home().resolve("projects/web/project.json"))).contains(Integer.toString(wanted));
    }

    @Test
    void editValidatesLikeNewWithOneLineAndExitCode2() throws Exception {
        sandbox.localdb().run("new", "web");
        String before = Files.readString(sandbox.home().resolve("projects/web/project.json"));
        String[][] bad = {
                {"edit", "web", "--port", "99999"},
                {"edit", "web", "--port", "abc"},
                {"edit", "web", "--dir", "/no/such/dir"},
                {"edit", "web", "--command", " "},
                {"edit", "web", "--port-name", "api", "--port-name", "api"},
                {"edit", "web", "--port-name", "Bad Name"},
                {"edit", "web"},
                {"edit", "wbe", "--port", "4000"},
        };
        for (String[] args : bad) {
            Result result = sandbox.localdb().run(args);

            assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isEqualTo(2);
            assertThat(result.err().lines()).as(String.join(" ", args) + "\n" + result).hasSize(1);
            assertThat(result.err()).startsWith("error: ").doesNotContain("Exception");
        }
        assertThat(sandbox.localdb().run("edit", "wbe", "--port", "4000").err()).contains("No project wbe. Did you mean web?");
        assertThat(sandbox.localdb().run("new", "x", "--port", "99999").err())
                .isEqualTo(sandbox.localdb().run("edit", "web", "--port", "99999").err());
        assertThat(Files.readString(sandbox.home().resolve("projects/web/project.json"))).isEqualTo(before);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path onlyRemoval(String project) throws Exception {
        try (Stream<Path> removals = Files.list(sandbox.home().resolve("removed").resolve(project))) {
            return removals.reduce((a, b) -> {
                throw new AssertionError("more than one removal: " + a + ", " + b);
            }).orElseThrow();
        }
    }
}
