package dev.localdb.adapters.os;

import static dev.localdb.adapters.os.ServerTestProcesses.await;
import static dev.localdb.adapters.os.ServerTestProcesses.isRunning;
import static dev.localdb.adapters.os.ServerTestProcesses.proc;
import static dev.localdb.adapters.os.ServerTestProcesses.statField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.StateUnusableException;
import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ProcessInspector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launched process as the operating system sees it: environment, files, session, identity. */
class DetachedServerLauncherTest {
    private static final PortNumber PORT = PortNumber.of(41_234);

    private final ProcessInspector inspector = new ProcFsProcessInspector();
    private final ServerTestProcesses processes = new ServerTestProcesses(inspector);
    private final List<LaunchSpec> embeddedRequests = new CopyOnWriteArrayList<>();

    @TempDir
    Path home;
    Path runtime;
    DetachedServerLauncher launcher;

    @BeforeEach
    void setUp() {
        runtime = home.resolve("runtime");
        launcher = launcher(LaunchDetachment.forThisHost(), List.of("/bin/sh", "-c",
                "echo \"embedded on $PORT for $LOCALDB_PROJECT\"; exec sleep 60"));
    }

    @AfterEach
    void endServers() {
        processes.close();
    }

    @Test
    void theServerGetsItsPortItsProjectAndOnlyTheGivenEnvironment() throws Exception {
        LaunchSpec spec = project("env-test", "echo \"$PORT $LOCALDB_PROJECT $GREETING home=${HOME-unset}\"; exec sleep 60");

        launch(spec);

        awaitLogLine(spec, "41234 env-test hello home=unset");
    }

    @Test
    void aProjectWithoutACommandRunsTheEmbeddedServer() throws Exception {
        LaunchSpec spec = new LaunchSpec(ProjectConfig.defaults(ProjectName.of("embedded"), Instant.EPOCH), PORT);
        Files.createDirectories(folderOf("embedded"));

        launch(spec);

        awaitLogLine(spec, "embedded on 41234 for embedded");
        assertThat(embeddedRequests).containsExactly(spec);
    }

    @Test
    void itRunsInTheProjectFolderUnlessADirectoryIsConfigured() throws Exception {
        LaunchSpec inFolder = project("in-folder", "pwd; exec sleep 60");
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        LaunchSpec inDirectory = project("in-dir", "pwd; exec sleep 60", elsewhere.toString());

        launch(inFolder);
        launch(inDirectory);

        awaitLogLine(inFolder, folderOf("in-folder").toRealPath().toString());
        awaitLogLine(inDirectory, elsewhere.toRealPath().toString());
    }

    @Test
    void aMissingWorkingDirectoryIsReportedWithItsPathAndNothingStarts() throws Exception {
        LaunchSpec configured = project("configured", "exec sleep 60", home.resolve("no/such/dir").toString());
        LaunchSpec folderGone = new LaunchSpec(new ProjectConfig(ProjectName.of("gone"), Optional.empty(),
                Optional.of("exec sleep 60"), Optional.empty(), Instant.EPOCH), PORT);

        assertThatThrownBy(() -> launcher.launch(configured)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(home.resolve("no/such/dir").toString()).hasMessageContaining("--dir");
        assertThatThrownBy(() -> launcher.launch(folderGone)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(folderOf("gone").toString());
        assertThat(runtime).doesNotExist();
    }

    @Test
    void theLogIsPrivateAppendedAndShowsTheLatestStartOnly() throws Exception {
        LaunchSpec first = project("logged", "echo first; exit 0");
        ProcessIdentity firstRun = launch(first);
        await(() -> !inspector.isAlive(firstRun), "the first run ends");
        awaitLogLine(first, "first");
        LaunchSpec second = project("logged", "echo second; exit 0");

        launch(second);

        await(() -> launcher.lastLogLines(second, 10).equals(List.of("second")), "only the second run is shown");
        Path log = runtime.resolve("logged.log");
        assertThat(mode(runtime)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rw-------");
        String content = Files.readString(log);
        assertThat(content).contains("first").contains("second");
        assertThat(content.lines().filter(line -> line.startsWith(ServerLogFile.START_MARKER))).hasSize(2);
    }

    @Test
    void stdinIsDevNullAndOutputGoesToTheLog() throws Exception {
        LaunchSpec spec = project("fds", "echo to-stdout; echo to-stderr >&2; exec sleep 60");
        ProcessIdentity server = launch(spec);

        awaitLogLine(spec, "to-stdout");
        awaitLogLine(spec, "to-stderr");
        assertThat(Files.readSymbolicLink(fd(server, 0))).isEqualTo(Path.of("/dev/null"));
        // Both into the private FIFO that the log's rotation reads (LogRotationTest), its name removed once open.
        assertThat(Files.readSymbolicLink(fd(server, 1))).hasToString(runtime.resolve("fds.log.pipe") + " (deleted)");
        assertThat(Files.isRegularFile(fd(server, 1))).isFalse();
        assertThat(Files.readSymbolicLink(fd(server, 2))).isEqualTo(Files.readSymbolicLink(fd(server, 1)));
    }

    @Test
    void theServerLeadsASessionOfItsOwn() throws Exception {
        ProcessIdentity server = launch(project("session", "exec sleep 60"));
        await(() -> cmdline(server).equals("sleep 60"), "the command replaced setsid and sh");

        assertThat(statField(server.pid(), 6)).as("session id").isEqualTo(Long.toString(server.pid()));
        assertThat(statField(server.pid(), 5)).as("process group").isEqualTo(Long.toString(server.pid()));
        assertThat(statField(server.pid(), 6)).isNotEqualTo(statField(ProcessHandle.current().pid(), 6));
    }

    @Test
    void theIdentityIsTheCommandsOwnProcessNotAWrapper() throws Exception {
        ProcessIdentity server = launch(project("identity", "sleep 60; echo done"));

        await(() -> cmdline(server).startsWith("/bin/sh -c sleep 60"), "setsid execs the shell in place");
        assertThat(inspector.isAlive(server)).isTrue();
        assertThat(statField(server.pid(), 4)).as("not the JVM's child: the launching shell has exited, so the"
                + " JVM has no child to wait for when it exits").isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
                .as("children still running").doesNotContain(server.pid());
    }

    /**
     * setsid's own process exits at once, and Java drains and closes a child's pipe when the child
     * exits, so a PID the new session reported on that pipe afterwards was lost (1 start in 3 failed
     * in a first version). The stand-in setsid makes that order certain: it exits at once, and its
     * child starts 300 ms later with no way left to write to our pipe (stderr gone, as once Java
     * has closed it). Only a PID that reaches the launching shell before it exits gets through.
     */
    @Test
    void theServersPidIsReportedEvenWhenSetsidExitsLongBeforeItsChildRuns() throws Exception {
        Path lateSetsid = home.resolve("late-setsid");
        Files.writeString(lateSetsid, "#!/bin/sh\nshift\n( exec 2>/dev/null; sleep 0.3; exec \"$@\" ) &\nexit 0\n");
        Files.setPosixFilePermissions(lateSetsid, PosixFilePermissions.fromString("rwx------"));
        DetachedServerLauncher late = launcher(LaunchDetachment.withSetsid(lateSetsid), List.of("/bin/false"));

        ProcessIdentity server = processes.track(late.launch(project("late", "exec sleep 60")));

        assertThat(inspector.isAlive(server)).isTrue();
        await(() -> cmdline(server).equals("sleep 60"), "the reported PID is the command's own");
    }

    @Test
    void withSetsidTheServerGetsDefaultInterruptAndQuitInItsOwnSession() throws Exception {
        ProcessIdentity server = launch(project("signals", "exec sleep 60"));

        await(() -> cmdline(server).equals("sleep 60"), "the command runs in place");
        // The launcher adds nothing to what its caller ignores: a build started as `cmd &` by a shell
        // without job control ignores SIGINT and SIGQUIT from the start, and an ignored signal stays
        // ignored across exec, so the server is compared with this JVM rather than with "none".
        long interruptAndQuit = 0b110;
        assertThat(ignoredSignals(Long.toString(server.pid())) & interruptAndQuit)
                .as("SIGINT and SIGQUIT ignored only as the caller ignores them (no background-job shell in between)")
                .isEqualTo(ignoredSignals("self") & interruptAndQuit);
        assertThat(statField(server.pid(), 6)).as("session id: its own").isEqualTo(Long.toString(server.pid()));
    }

    /** macOS's way (issue #17), run here with this machine's perl: the same session of its own and plain dispositions. */
    @Test
    @org.junit.jupiter.api.condition.EnabledIf("dev.localdb.adapters.os.PerlSetsidLauncherContractTest#perlPresent")
    void withPerlsSetsidTheServerGetsItsOwnSessionAndDefaultInterruptAndQuit() throws Exception {
        DetachedServerLauncher perl = launcher(LaunchDetachment.withPerlSetsid(Path.of("/usr/bin/perl")), List.of("/bin/false"));
        LaunchSpec spec = project("perl-session", "echo \"$PORT\"; exec sleep 60");

        ProcessIdentity server = processes.track(perl.launch(spec));

        await(() -> cmdline(server).equals("sleep 60"), "the command runs in place");
        long interruptAndQuit = 0b110;
        assertThat(ignoredSignals(Long.toString(server.pid())) & interruptAndQuit)
                .isEqualTo(ignoredSignals("self") & interruptAndQuit);
        assertThat(statField(server.pid(), 6)).as("session id: its own").isEqualTo(Long.toString(server.pid()));
        awaitLogLine(spec, "41234");
    }

    @Test
    void theServerOutlivesTheProcessThatLaunchedIt() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.createDirectories(folderOf("survivor"));
        Process cli = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ServerLaunchingMain.class.getName(), runtime.toString(), folderOf("survivor").toString())
                .redirectErrorStream(true).start();
        String printed;
        int exitCode;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8))) {
            printed = String.valueOf(output.readLine());
            exitCode = cli.waitFor(30, TimeUnit.SECONDS) ? cli.exitValue() : -1;
        } finally {
            cli.destroyForcibly(); // only does something when the launcher hangs
        }
        String[] identity = printed.split(" ");
        assertThat(identity).as("the identity the launcher printed: %s", printed).hasSize(3);
        ProcessIdentity server = processes.track(new ProcessIdentity(Long.parseLong(identity[0]), Long.parseLong(identity[1]),
                identity[2]));
        assertThat(exitCode).as("the launching JVM exited").isZero();

        assertThat(inspector.isAlive(server)).isTrue();
        assertThat(statField(server.pid(), 4)).as("re-parented away from the dead launcher").isNotEqualTo(Long.toString(cli.pid()));
    }

    @Test
    void withoutSetsidTheServerIgnoresHangupAndInterrupt() throws Exception {
        DetachedServerLauncher fallback = launcher(LaunchDetachment.ignoringHangup(), List.of("/bin/false"));
        LaunchSpec spec = project("fallback", "echo \"$PORT\"; exec sleep 60");

        ProcessIdentity server = processes.track(fallback.launch(spec));

        await(() -> cmdline(server).equals("sleep 60"), "the shell execs the command in place");
        long ignored = Long.parseUnsignedLong(proc(server.pid(), "status").lines()
                .filter(line -> line.startsWith("SigIgn:")).findFirst().orElseThrow().substring(7).trim(), 16);
        assertThat(ignored & 0b111).as("SIGHUP, SIGINT and SIGQUIT ignored").isEqualTo(0b111);
        awaitLogLine(spec, "41234");
    }

    @Test
    void aServerProgramThatCannotRunEndsAndSaysWhy() throws Exception {
        DetachedServerLauncher broken = launcher(LaunchDetachment.forThisHost(), List.of(home.resolve("no-such-server").toString()));
        LaunchSpec spec = new LaunchSpec(ProjectConfig.defaults(ProjectName.of("broken"), Instant.EPOCH), PORT);
        Files.createDirectories(folderOf("broken"));

        ProcessIdentity server = processes.track(broken.launch(spec));

        await(() -> !inspector.isAlive(server), "the server ends");
        // The shell that execs it says why: "not found" (dash) or "No such file or directory" (bash).
        await(() -> String.join("\n", broken.lastLogLines(spec, 5)).matches("(?s).*no-such-server.*(not found|No such file).*"),
                "the reason is in the log");
    }

    @Test
    void aSymbolicLinkInPlaceOfTheLogIsRefused() throws Exception {
        LaunchSpec spec = project("linked", "exec sleep 60");
        Files.createDirectories(runtime);
        Path target = Files.writeString(home.resolve("elsewhere.txt"), "");
        Files.createSymbolicLink(runtime.resolve("linked.log"), target);

        assertThatThrownBy(() -> launch(spec)).isInstanceOf(StateUnusableException.class)
                .hasMessageContaining(runtime.resolve("linked.log").toString());
        assertThat(Files.readString(target)).isEmpty();
    }

    @Test
    void aServerGoneBeforeItCouldBeIdentifiedGetsAnIdentityThatIsNeverAlive() throws Exception {
        DetachedServerLauncher blind = new DetachedServerLauncher(runtime, name -> folderOf(name.value()), spec -> List.of(),
                Map.of(), new NothingIdentified(inspector), LaunchDetachment.forThisHost());

        ProcessIdentity server = blind.launch(project("quick", "echo bye"));

        assertThat(server.startTime()).isEqualTo(DetachedServerLauncher.ENDED);
        assertThat(server.bootId()).isEqualTo(inspector.current().bootId());
        assertThat(inspector.isAlive(server)).isFalse();
    }

    @Test
    void aServerThatCannotBeIdentifiedIsStoppedRatherThanLeftRunning() throws Exception {
        DetachedServerLauncher blind = new DetachedServerLauncher(runtime, name -> folderOf(name.value()), spec -> List.of(),
                Map.of(), new NothingIdentified(inspector), LaunchDetachment.forThisHost());
        LaunchSpec spec = project("unidentified", "exec sleep 60");

        StateUnusableException failure = catchThrowableOfType(StateUnusableException.class, () -> blind.launch(spec));

        assertThat(failure).hasMessageContaining("could not identify it, so it was stopped");
        Matcher pid = Pattern.compile("PID (\\d+)").matcher(failure.getMessage());
        assertThat(pid.find()).isTrue();
        long started = Long.parseLong(pid.group(1));
        await(() -> !isRunning(started), "the unidentified server is gone (or a zombie)");
        assertThat(Files.readString(runtime.resolve("unidentified.log"))).contains(ServerLogFile.START_MARKER);
    }

    private DetachedServerLauncher launcher(LaunchDetachment detachment, List<String> embedded) {
        return new DetachedServerLauncher(runtime, name -> folderOf(name.value()), spec -> {
            embeddedRequests.add(spec);
            return embedded;
        }, Map.of("PATH", System.getenv("PATH"), "GREETING", "hello"), inspector, detachment);
    }

    private ProcessIdentity launch(LaunchSpec spec) {
        return processes.track(launcher.launch(spec));
    }

    private LaunchSpec project(String name, String command) throws Exception {
        Files.createDirectories(folderOf(name));
        return new LaunchSpec(new ProjectConfig(ProjectName.of(name), Optional.empty(), Optional.of(command),
                Optional.empty(), Instant.EPOCH), PORT);
    }

    private LaunchSpec project(String name, String command, String directory) {
        return new LaunchSpec(new ProjectConfig(ProjectName.of(name), Optional.empty(), Optional.of(command),
                Optional.of(directory), Instant.EPOCH), PORT);
    }

    private Path folderOf(String name) {
        return home.resolve("projects").resolve(name);
    }

    private void awaitLogLine(LaunchSpec spec, String line) throws InterruptedException {
        await(() -> launcher.lastLogLines(spec, 50).contains(line), "the log shows \"" + line + "\"");
    }

    private static String cmdline(ProcessIdentity process) {
        try {
            return proc(process.pid(), "cmdline");
        } catch (IOException e) {
            return "";
        }
    }

    private static Path fd(ProcessIdentity process, int fd) {
        return Path.of("/proc", Long.toString(process.pid()), "fd", Integer.toString(fd));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** An inspector for which every process is a stranger (as if /proc could not be read). */
    private record NothingIdentified(ProcessInspector real) implements ProcessInspector {
        @Override
        public ProcessIdentity current() {
            return real.current();
        }

        @Override
        public Optional<ProcessIdentity> identify(long pid) {
            return Optional.empty();
        }

        @Override
        public boolean isAlive(ProcessIdentity identity) {
            return false;
        }
    }

    /** The SigIgn mask of /proc/{@code pid}/status. */
    private static long ignoredSignals(String pid) throws IOException {
        return Long.parseUnsignedLong(Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                .filter(line -> line.startsWith("SigIgn:")).findFirst().orElseThrow().substring(7).trim(), 16);
    }
}
