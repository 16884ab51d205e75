package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.ProcessIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** What the contract cannot say for every inspector: boot id caching and zombies. */
class ProcFsProcessInspectorTest {
    private Process parent;
    private long zombiePid;

    @Test
    void readsTheBootIdOnceSoEveryAnswerUsesTheSameBoot(@TempDir Path proc) throws IOException {
        long self = ProcessHandle.current().pid();
        ProcFsProcessTableTest.writeStat(proc, self, "java", 'S', 1234);
        Path bootId = Files.createDirectories(proc.resolve("sys/kernel/random")).resolve("boot_id");
        Files.writeString(bootId, "first-boot\n");
        ProcFsProcessInspector inspector = new ProcFsProcessInspector(new ProcFsProcessTable(proc));

        Files.writeString(bootId, "second-boot\n");

        assertThat(inspector.current()).isEqualTo(new ProcessIdentity(self, 1234, "first-boot"));
        assertThat(inspector.identify(self)).contains(inspector.current());
        assertThat(inspector.isAlive(inspector.current())).isTrue();
    }

    /**
     * A zombie is made by a parent that never collects its child: {@code sh} starts a background
     * {@code sleep}, then becomes a {@code sleep} itself, which never waits. Killing the child
     * leaves it a zombie until its parent ends.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aZombieCountsAsDead() throws Exception {
        parent = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; exec sleep 60").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))) {
            zombiePid = Long.parseLong(out.readLine().trim());
        }
        // Until sh has become sleep, sh itself would collect the child the moment it dies.
        awaitCommand(parent.pid(), "sleep");
        ProcFsProcessInspector inspector = new ProcFsProcessInspector();
        ProcessIdentity child = inspector.identify(zombiePid).orElseThrow();
        assertThat(inspector.isAlive(child)).isTrue();

        ProcessHandle.of(zombiePid).ifPresent(ProcessHandle::destroyForcibly);
        awaitState(zombiePid, 'Z');

        assertThat(inspector.isAlive(child)).isFalse();
        assertThat(inspector.identify(zombiePid)).isEmpty();
    }

    @AfterEach
    void endProcesses() throws InterruptedException {
        if (zombiePid > 0) {
            ProcessHandle.of(zombiePid).ifPresent(ProcessHandle::destroyForcibly);
        }
        if (parent != null) {
            parent.destroyForcibly();
            parent.waitFor(); // with its parent gone, init collects the zombie
        }
    }

    /** Waits for the process to run the program (after its exec); a wait, not a timing assertion. */
    private static void awaitCommand(long pid, String command) throws IOException, InterruptedException {
        Path comm = Path.of("/proc", Long.toString(pid), "comm");
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(giveUp)) {
            if (Files.readString(comm, StandardCharsets.ISO_8859_1).strip().equals(command)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("process " + pid + " never ran " + command);
    }

    /** Waits for the kernel to report the state; a wait, not a timing assertion. */
    private static void awaitState(long pid, char state) throws IOException, InterruptedException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(giveUp)) {
            String line = Files.readString(stat, StandardCharsets.ISO_8859_1);
            if (line.charAt(line.lastIndexOf(')') + 2) == state) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("process " + pid + " never reached state " + state);
    }
}
