package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.RegistryFile;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #13 items 2 and 7: {@code stop} signals only a process proven to be the project's server,
 * never init or the caller, and says so (exit 1, port still held) when it could not stop it.
 */
class StopSignalsOnlyItsOwnTest {

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    @Test
    void aPlantedServerFileNextToSomebodyElsesListenerDoesNotGetAProcessTreeKilled() throws Exception {
        assertThat(sandbox.localdb().run("new", "tree").exitCode()).isZero();
        Process tree = new ProcessBuilder("setsid", "sh", "-c", "sleep 611 & sleep 612 & wait")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // setsid forks when it is a group leader; the sh is whichever process runs "sh -c".
            Poll.until("the tree to start", Duration.ofSeconds(10), () -> treeOf(tree).size() >= 3);
            List<ProcessHandle> victims = treeOf(tree);
            long sh = victims.get(0).pid();
            Path serverJson = sandbox.home().resolve("projects/tree/server.json");
            Files.writeString(serverJson, "{\"pid\":" + sh + ",\"port\":" + listener.getLocalPort() + ",\"started_at\":\""
                    + Instant.now() + "\"}\n");
            Files.setPosixFilePermissions(serverJson, PosixFilePermissions.fromString("rw-------"));
            Files.createDirectories(RegistryFile.path(sandbox.home()).getParent());
            Files.writeString(RegistryFile.path(sandbox.home()), "{");

            Result rebuild = sandbox.localdb().run("port", "x");
            Result stop = sandbox.localdb().run("stop", "tree");

            assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
            assertThat(rebuild.err()).as("nothing was rebuilt from the planted file").contains("no running server was found");
            assertThat(stop.out()).as(stop.toString()).contains("Project tree is not running.");
            Thread.sleep(300); // a SIGTERM sent would have ended them by now
            assertThat(victims).as("the sh and both sleeps survive").allMatch(ProcessHandle::isAlive);
        } finally {
            treeOf(tree).forEach(ProcessHandle::destroyForcibly);
            tree.destroyForcibly();
        }
    }

    @Test
    void aRegistryNamingPidOneWithItsRealStartTimeIsRefusedWithAClearLine() throws Exception {
        assertThat(sandbox.localdb().run("port", "tree").exitCode()).isZero();
        RegistryFile.giveOwner(sandbox.home(), "tree", 1);

        Result stop = sandbox.localdb().run("stop", "tree");

        assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(1);
        assertThat(stop.err().lines()).singleElement().asString()
                .startsWith("error: Did not stop tree: its registry entry names PID 1, which localdb never signals");
        NoStackTrace.in(stop.err());
        assertThat(RegistryFile.allocation(sandbox.home(), "tree").path("owner").path("pid").asLong())
                .as("the port stays held by the recorded owner").isEqualTo(1);
    }

    @Test
    void aServerOfAnotherUserIsReportedNotStoppedAndKeepsItsPort() throws Exception {
        assumeTrue("0".equals(run("id", "-u").strip()), "running localdb as another user needs root");
        assumeTrue(new File("/usr/bin/setpriv").canExecute(), "needs setpriv");
        // A home of user nobody, in a folder nobody can reach; the server is a process of root's.
        Path root = Files.createTempDirectory("localdb-other-user");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectory(root.resolve("home"));
        Files.setAttribute(home, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        Process server = new ProcessBuilder("sleep", "600").start();
        try {
            assertThat(asNobody(home, "port", "tree").exitCode()).isZero();
            RegistryFile.giveOwner(home, "tree", server.pid());

            Result stop = asNobody(home, "stop", "tree", "--timeout", "1");

            assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(1);
            assertThat(stop.err()).contains("Could not stop tree: the system did not allow signalling PID " + server.pid())
                    .contains("its port stays held");
            assertThat(stop.out()).doesNotContain("Stopped");
            assertThat(server.isAlive()).isTrue();
            assertThat(RegistryFile.allocation(home, "tree").path("owner").path("pid").asLong()).isEqualTo(server.pid());
        } finally {
            server.destroyForcibly();
            run("rm", "-rf", root.toString());
        }
    }

    /** The process itself, then every descendant, in the order ProcessHandle finds them. */
    private static List<ProcessHandle> treeOf(Process process) {
        List<ProcessHandle> all = new java.util.ArrayList<>();
        process.toHandle().descendants().forEach(all::add);
        // "setsid sh" is sh itself unless setsid had to fork; then the sh is its only child.
        List<ProcessHandle> tree = new java.util.ArrayList<>();
        ProcessHandle top = process.toHandle();
        if (top.info().command().map(c -> c.endsWith("setsid")).orElse(false) && !all.isEmpty()) {
            top = all.remove(0);
        }
        tree.add(top);
        all.stream().filter(p -> p.pid() != tree.get(0).pid()).forEach(tree::add);
        return tree;
    }

    /** Hand-edits the registry: the project's entry is held by the live process {@code pid}, with its real start time. */
    private Result asNobody(Path home, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                LocalDbRunner.launcher().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(sandbox.env());
        builder.environment().put("LOCALDB_HOME", home.toString());
        builder.environment().put("LOCALDB_PROXY", "off"); // tests that want the name proxy turn it on
        builder.environment().put("HOME", home.toString());
        Path out = Files.createTempFile("nobody-out", ".txt");
        Path err = Files.createTempFile("nobody-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }
}
