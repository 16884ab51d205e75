package dev.localdb.adapters.os;

import static dev.localdb.adapters.os.ServerTestProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that logs without end keeps its log under {@code logs.maxBytes} while it runs, with one
 * rotated file, both private, and keeps running (issue #13 item 9).
 */
class LogRotationTest {
    private static final long CAP = 128 * 1024;
    /** 1,000 lines of 100 bytes each second: 100 KB/s, a cap's worth every second or so. */
    private static final String CHATTY = "i=0; while :; do i=$((i+1));"
            + " printf 'line %08d %s\\n' \"$i\" 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234;"
            + " [ $((i % 1000)) -eq 0 ] && sleep 1; done";

    private final ProcFsProcessInspector inspector = new ProcFsProcessInspector();
    private final ServerTestProcesses processes = new ServerTestProcesses(inspector);

    @TempDir
    Path home;

    @AfterEach
    void endServers() {
        processes.close();
    }

    @Test
    void aChattyServersLogStaysUnderItsCapWithOneRotatedFile() throws Exception {
        LogRotation rotation = LogRotation.forThisHost();
        assumeTrue(rotation.whileRunning(), "GNU split is on every Linux this runs on; elsewhere only start rotates");
        Path runtime = home.resolve("runtime");
        DetachedServerLauncher launcher = new DetachedServerLauncher(runtime, name -> home, spec -> List.of(),
                Map.of("PATH", System.getenv("PATH")), inspector, LaunchDetachment.forThisHost(), rotation, CAP);
        LaunchSpec spec = new LaunchSpec(new ProjectConfig(ProjectName.of("chatty"), Optional.empty(), Optional.of(CHATTY),
                Optional.empty(), Instant.EPOCH), PortNumber.of(41_235));

        ProcessIdentity server = processes.track(launcher.launch(spec));

        Path log = runtime.resolve("chatty.log");
        Path rotated = runtime.resolve("chatty.log.1");
        // Four caps' worth written: the log has been rotated at least twice.
        await(() -> lineNumber(launcher.lastLogLines(spec, 1)) > 4 * CAP / 100, "the server has written 4 caps' worth");
        assertThat(inspector.isAlive(server)).as("the server still runs").isTrue();
        processes.end(server); // with split, its child: the files hold still while they are read
        assertThat(Files.size(log)).isLessThanOrEqualTo(CAP);
        assertThat(Files.size(rotated)).isLessThanOrEqualTo(CAP).isGreaterThan(0);
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(mode(rotated)).isEqualTo("rw-------");
        try (var files = Files.list(runtime)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("chatty.log", "chatty.log.1");
        }
        // Whole lines on both sides of the cut, the newest in the log, the ones just before in the rotated file.
        long firstInLog = lineNumber(Files.readAllLines(log).subList(0, 1));
        long lastRotated = lineNumber(Files.readAllLines(rotated).subList(Files.readAllLines(rotated).size() - 1,
                Files.readAllLines(rotated).size()));
        assertThat(firstInLog).isEqualTo(lastRotated + 1);
    }

    /**
     * A real full file system: a 160 KiB tmpfs under the runtime folder, which needs root (as in
     * CI here); elsewhere the test is skipped and says why.
     */
    @Test
    void aFullDiskNeverStopsTheServer() throws Exception {
        LogRotation rotation = LogRotation.forThisHost();
        assumeTrue(rotation.whileRunning(), "GNU split is on every Linux this runs on; elsewhere only start rotates");
        Path runtime = Files.createDirectories(home.resolve("runtime"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=160k,mode=0700", "tmpfs", runtime.toString()),
                "mounting a small tmpfs needs root");
        mounted = runtime;
        Path counter = home.resolve("written");
        DetachedServerLauncher launcher = new DetachedServerLauncher(runtime, name -> home, spec -> List.of(),
                Map.of("PATH", System.getenv("PATH")), inspector, LaunchDetachment.forThisHost(), rotation, CAP);
        String countingChatter = CHATTY.replace("&& sleep 1;", "&& { echo $i > '" + counter + "'; sleep 1; };");
        LaunchSpec spec = new LaunchSpec(new ProjectConfig(ProjectName.of("full"), Optional.empty(), Optional.of(countingChatter),
                Optional.empty(), Instant.EPOCH), PortNumber.of(41_236));

        ProcessIdentity server = processes.track(launcher.launch(spec));

        // 500 KB written into 160 KiB: the disk has been full for a good while.
        await(() -> written(counter) >= 5_000, "the server has written 500 KB");
        assertThat(inspector.isAlive(server)).as("the server still runs on a full disk").isTrue();
        assertThat(run("df", "--output=avail", runtime.toString())).isTrue();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            processes.close(); // nothing may hold the mount
            run("umount", "-l", mounted.toString());
        }
    }

    private Path mounted;

    private static long written(Path counter) {
        try {
            return Long.parseLong(Files.readString(counter).trim());
        } catch (Exception e) {
            return 0;
        }
    }

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    @Test
    void aStartThatFindsHalfTheCapOrMoreRotatesFirst() throws Exception {
        Path runtime = Files.createDirectories(home.resolve("runtime"));
        Path log = Files.writeString(runtime.resolve("big.log"), "x".repeat((int) (CAP / 2)) + "\n");
        ServerLogFile file = new ServerLogFile(log, CAP);

        file.beginStart("big on port 3000");

        assertThat(Files.readString(log)).startsWith(ServerLogFile.START_MARKER).hasSizeLessThan(100);
        assertThat(Files.size(ServerLogFile.rotated(log))).isEqualTo(CAP / 2 + 1);

        Path small = Files.writeString(runtime.resolve("small.log"), "earlier start\n");
        new ServerLogFile(small, CAP).beginStart("small on port 3001");
        assertThat(Files.readString(small)).startsWith("earlier start\n" + ServerLogFile.START_MARKER);
        assertThat(ServerLogFile.rotated(small)).doesNotExist();
    }

    private static long lineNumber(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("line ")) {
            return 0;
        }
        return Long.parseLong(lines.get(0).substring(5, 13));
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
