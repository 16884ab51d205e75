package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock is real and cannot be stolen: while a process is inside the critical section nobody
 * else gets it; a holder killed with -9 frees it at once; a stopped (SIGSTOP) holder makes the
 * others give up after the timeout, naming its PID, without touching the registry.
 */
class LockHolderFaultsTest {
    private static final String TIMEOUT_MS = "1500";

    @TempDir
    Path home;
    LocalDbRunner localdb;
    LocalDbRunner waiter;

    @BeforeEach
    void setUp() throws Exception {
        localdb = new LocalDbRunner(home);
        waiter = new LocalDbRunner(home).env("LOCALDB_LOCK_TIMEOUT_MS", TIMEOUT_MS);
        assertThat(localdb.run("port", "web").exitCode()).isZero();
    }

    @Test
    void whileACommandIsInsideTheCriticalSectionAnotherProcessCannotTakeTheLock() throws Exception {
        byte[] before = Files.readAllBytes(RegistryFile.path(home));
        try (PausedWriter holder = PausedWriter.start(home, "written", "port", "api")) {
            for (int attempt = 0; attempt < 20; attempt++) {
                assertThat(RegistryCheck.lockHeldByAnotherProcess(home)).as("non-blocking attempt %d", attempt).isTrue();
            }
            Result blocked = waiter.run("port", "admin");
            assertBusyNaming(blocked, holder.pid());
            Result look = localdb.run("ports");
            assertThat(look.exitCode()).as("read-only commands need no lock: %s", look).isZero();
            assertThat(look.out()).contains("web").doesNotContain("api").doesNotContain("admin");
            assertThat(Files.readAllBytes(RegistryFile.path(home))).isEqualTo(before);
        }
    }

    @Test
    void aHolderKilledWithSignal9FreesTheLockAtOnce() throws Exception {
        try (PausedWriter holder = PausedWriter.start(home, "written", "port", "api")) {
            assertThat(RegistryCheck.lockHeldByAnotherProcess(home)).isTrue();
            holder.kill();
            assertThat(RegistryCheck.lockHeldByAnotherProcess(home)).as("the first attempt after the kill").isFalse();
        }
        long started = System.nanoTime();
        Result next = waiter.run("port", "admin");
        String took = Figures.secondsSince(started);
        assertThat(next.exitCode()).as("with a %s ms lock timeout: %s", TIMEOUT_MS, next).isZero();
        Figures.record("LockHolderFaultsTest.killed", "holder killed with -9 inside the critical section: the next non-blocking"
                + " attempt got the lock at once; the next bin/localdb port (lock timeout " + TIMEOUT_MS + " ms) succeeded in " + took);
    }

    @Test
    void aStoppedHolderMakesOthersGiveUpNamingItAndNobodyStealsTheLock() throws Exception {
        try (TestJvm holder = TestJvm.start(home, HoldLockMain.class, Map.of(), RegistryCheck.runtime(home).toString(), "holder", "3999")) {
            assertThat(holder.nextLine()).isEqualTo("holding");
            Signals.send(holder.pid(), "STOP");
            // The signal is delivered when the kernel next looks at the process, not when kill returns.
            Poll.until("the holder to be stopped", Duration.ofSeconds(30), () -> Signals.state(holder.pid()) == 'T');
            byte[] before = Files.readAllBytes(RegistryFile.path(home));

            long started = System.nanoTime();
            Result blocked = waiter.run("port", "admin");
            String took = Figures.secondsSince(started);
            assertBusyNaming(blocked, holder.pid());
            assertThat(waiter.run("release", "web").exitCode()).as("a release waits and gives up too").isEqualTo(4);

            assertThat(Files.readAllBytes(RegistryFile.path(home))).as("the registry, untouched by the waiters").isEqualTo(before);
            assertThat(RegistryCheck.lockHeldByAnotherProcess(home)).as("the stopped holder still has the lock").isTrue();

            Signals.send(holder.pid(), "CONT");
            holder.send("go");
            assertThat(holder.nextLine()).isEqualTo("done");
            assertThat(holder.waitForExit()).isZero();
            Figures.record("LockHolderFaultsTest.stopped", "holder stopped with SIGSTOP: bin/localdb port gave up after "
                    + took + " (lock timeout " + TIMEOUT_MS + " ms) with exit 4 naming PID " + holder.pid()
                    + "; registry byte-identical; lock still held by the stopped process");
        }
        assertThat(localdb.run("port", "admin").exitCode()).isZero();
        Registry registry = RegistryCheck.readWithoutWarnings(home);
        assertThat(registry.find(ProjectName.of("holder"))).as("the holder's own write, after SIGCONT").isPresent();
        assertThat(registry.size()).isEqualTo(3);
    }

    private static void assertBusyNaming(Result result, long pid) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).as("one line naming the holder")
                .startsWith("error: Registry is busy: process " + pid + " has held the lock for more than " + TIMEOUT_MS + " ms")
                .endsWith("\n")
                .hasLineCount(1);
        NoStackTrace.in(result.err());
    }
}
