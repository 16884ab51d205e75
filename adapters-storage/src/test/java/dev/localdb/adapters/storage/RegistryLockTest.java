package dev.localdb.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.RegistryBusyException;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock excludes other processes and other threads, gives up with a useful message, and is never skipped. */
class RegistryLockTest {
    private static final Duration SHORT = Duration.ofMillis(300);

    @TempDir
    Path home;

    @Test
    void aWaiterGivesUpNamingTheProcessThatHoldsTheLock() throws Exception {
        StoreFixture holderSide = new StoreFixture(home);
        Registry seeded = holderSide.add("web", 3000);
        StoreFixture waiter = new StoreFixture(home, SHORT);
        AtomicBoolean ran = new AtomicBoolean();
        try (ChildJvm holder = ChildJvm.start(home, LockHoldingMain.class, holderSide.runtime.toString())) {
            assertThat(holder.nextLine()).isEqualTo("holding");

            assertThatThrownBy(() -> waiter.store.update(current -> {
                ran.set(true);
                return new Outcome<>(Registry.EMPTY, null);
            }))
                    .isInstanceOf(RegistryBusyException.class)
                    .hasMessage("Registry is busy: process " + holder.pid() + " has held the lock for more than 300 ms ("
                            + waiter.lock() + "). If that process is hung, stop it; nothing else is needed.");

            assertThat(ran).isFalse();
            assertThat(Files.readString(waiter.lock())).matches(holder.pid() + " [0-9a-f]+\n");
            // Looking needs no lock: read-only commands work while a change is stuck.
            assertThat(waiter.store.read()).isEqualTo(seeded);
        }
    }

    @Test
    void aQueueThatKeepsMovingIsWaitedForLongerThanTheTimeout() throws Exception {
        StoreFixture waiter = new StoreFixture(home, SHORT);
        waiter.add("web", 3000);
        long start = System.nanoTime();
        try (ChildJvm queue = ChildJvm.start(home, LockQueueMain.class, waiter.lock().toString(), "1200")) {
            assertThat(queue.nextLine()).isEqualTo("holding");

            Registry after = waiter.store.update(current -> new Outcome<>(current, current));

            assertThat(after.find(dev.localdb.domain.model.ProjectName.of("web"))).isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited through the queue, past the 300 ms timeout")
                    .isGreaterThan(SHORT);
        }
    }

    @Test
    void whileAnotherProcessHoldsItThisJvmCannotLockTheFileAndAfterItDiesItCan() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("web", 3000);
        try (ChildJvm holder = ChildJvm.start(home, LockHoldingMain.class, fixture.runtime.toString());
             FileChannel channel = FileChannel.open(fixture.lock(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            assertThat(holder.nextLine()).isEqualTo("holding");

            assertThat(channel.tryLock()).isNull();

            holder.kill();
            try (FileLock afterDeath = channel.tryLock()) {
                assertThat(afterDeath).isNotNull();
            }
        }
        assertThat(fixture.add("api", 3001).size()).isEqualTo(2);
    }

    @Test
    void transactionsOfSeveralProcessesAreSerialised() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        fixture.add("seed", 2999);
        int perProcess = 20;
        try (ChildJvm first = ChildJvm.start(home, AddProjectsMain.class, fixture.runtime.toString(), "first-", "" + perProcess, "10000");
             ChildJvm second = ChildJvm.start(home, AddProjectsMain.class, fixture.runtime.toString(), "second-", "" + perProcess, "11000")) {
            assertThat(first.nextLine()).isEqualTo("ready");
            assertThat(second.nextLine()).isEqualTo("ready");

            first.send("go");
            second.send("go");
            for (int i = 0; i < perProcess; i++) {
                fixture.add("here-" + i, 12_000 + i);
            }

            assertThat(first.nextLine()).isEqualTo("done");
            assertThat(second.nextLine()).isEqualTo("done");
            assertThat(first.waitForExit()).isZero();
            assertThat(second.waitForExit()).isZero();
        }
        assertThat(fixture.store.read().size()).isEqualTo(1 + 3 * perProcess);
        assertThat(fixture.warnings).isEmpty();
    }

    @Test
    void aWaiterInTheSameProcessGivesUpNamingThisProcess() throws Exception {
        StoreFixture holderSide = new StoreFixture(home);
        StoreFixture waiter = new StoreFixture(home, SHORT);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Object> held = thread.submit(() -> holderSide.store.update(current -> {
                holding.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Outcome<>(current, null);
            }));
            assertThat(holding.await(1, TimeUnit.MINUTES)).isTrue();

            assertThatThrownBy(() -> waiter.add("web", 3000))
                    .isInstanceOf(RegistryBusyException.class)
                    .hasMessageStartingWith("Registry is busy: another thread of this process (pid " + ProcessHandle.current().pid()
                            + ") has held the lock for more than 300 ms (" + waiter.lock() + ").");

            letGo.countDown();
            held.get(1, TimeUnit.MINUTES);
        } finally {
            letGo.countDown();
            thread.shutdownNow();
        }
        assertThat(waiter.add("web", 3000).size()).isEqualTo(1);
    }

    /**
     * Closing any descriptor of a file drops every POSIX lock the process holds on it; a waiter
     * of this JVM that gives up must not take the holder's lock away from it.
     */
    @Test
    void aWaiterOfThisProcessThatGivesUpLeavesTheHolderItsLock() throws Exception {
        StoreFixture holderSide = new StoreFixture(home);
        holderSide.add("web", 3000);
        StoreFixture waiter = new StoreFixture(home, SHORT);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Object> held = thread.submit(() -> holderSide.store.update(current -> {
                holding.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Outcome<>(current, null);
            }));
            assertThat(holding.await(1, TimeUnit.MINUTES)).isTrue();
            assertThatThrownBy(() -> waiter.add("api", 3001)).isInstanceOf(RegistryBusyException.class);

            try (ChildJvm probe = ChildJvm.start(home, TryLockMain.class, waiter.lock().toString())) {
                assertThat(probe.nextLine()).isEqualTo("held");
            }

            letGo.countDown();
            held.get(1, TimeUnit.MINUTES);
        } finally {
            letGo.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void aTransactionThatCallsBackIntoTheStoreFailsAndChangesNothing() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        Registry before = fixture.add("web", 3000);

        assertThatThrownBy(() -> fixture.store.update(current -> {
            fixture.add("api", 3001);
            return new Outcome<>(current, null);
        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must not call back into the registry store");

        assertThat(fixture.store.read()).isEqualTo(before);
        assertThat(fixture.add("api", 3001).size()).isEqualTo(2);
    }

    @Test
    void aTransactionWithoutARegistryFailsAndChangesNothing() throws Exception {
        StoreFixture fixture = new StoreFixture(home);
        Registry before = fixture.add("web", 3000);
        byte[] bytes = Files.readAllBytes(fixture.data());

        assertThatThrownBy(() -> fixture.store.update(current -> new Outcome<>(null, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fixture.store.update(current -> null))
                .isInstanceOf(IllegalStateException.class);

        assertThat(Files.readAllBytes(fixture.data())).isEqualTo(bytes);
        assertThat(fixture.store.read()).isEqualTo(before);
    }
}
