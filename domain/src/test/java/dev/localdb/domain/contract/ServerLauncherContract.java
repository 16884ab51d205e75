package dev.localdb.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerLauncher;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ServerLauncher} must do, run against real processes and against the fake.
 * Launching returns at once, so a real server's effects are awaited (a bounded wait for a
 * condition, never an assertion about how long it took).
 */
public abstract class ServerLauncherContract {
    private static final long PATIENCE_MILLIS = 15_000;

    protected ServerLauncher launcher;

    protected abstract ServerLauncher newLauncher() throws Exception;

    /** A spec whose server keeps running (the subclass stops it after the test). */
    protected abstract LaunchSpec keepsRunning(ProjectName name, PortNumber port) throws Exception;

    /** A spec whose server prints {@code line} and exits at once. */
    protected abstract LaunchSpec exitsAtOnceSaying(ProjectName name, PortNumber port, String line) throws Exception;

    /** The test's own view of the process table. */
    protected abstract boolean isRunning(ProcessIdentity process);

    @BeforeEach
    void createLauncher() throws Exception {
        launcher = newLauncher();
    }

    @Test
    void aLaunchedServerRuns() throws Exception {
        LaunchSpec spec = keepsRunning(ProjectName.of("runs"), PortNumber.of(40_101));

        ProcessIdentity server = launcher.launch(spec);

        assertThat(isRunning(server)).isTrue();
    }

    @Test
    void aServerThatExitsAtOnceEndsAndLeavesItsOutputInTheLog() throws Exception {
        LaunchSpec spec = exitsAtOnceSaying(ProjectName.of("crashes"), PortNumber.of(40_102), "cannot open database");

        ProcessIdentity server = launcher.launch(spec);

        awaitOrFail(() -> !isRunning(server), "the server exits");
        awaitOrFail(() -> launcher.lastLogLines(spec, 5).contains("cannot open database"), "its output is in the log");
        assertThat(launcher.lastLogLines(spec, 5)).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aProjectNeverLaunchedHasNoLogLines() throws Exception {
        LaunchSpec spec = keepsRunning(ProjectName.of("never"), PortNumber.of(40_103));

        assertThat(launcher.lastLogLines(spec, 10)).isEmpty();
    }

    @Test
    void eachLaunchIsASeparateProcess() throws Exception {
        LaunchSpec spec = keepsRunning(ProjectName.of("twice"), PortNumber.of(40_104));

        ProcessIdentity first = launcher.launch(spec);
        ProcessIdentity second = launcher.launch(spec);

        assertThat(List.of(first, second)).doesNotHaveDuplicates();
        assertThat(isRunning(first)).isTrue();
        assertThat(isRunning(second)).isTrue();
    }

    /** Waits for a condition; fails (does not hang) when it never holds. */
    protected static void awaitOrFail(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
