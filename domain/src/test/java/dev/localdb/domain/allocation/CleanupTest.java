package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.T0;
import static dev.localdb.domain.allocation.AllocatorFixture.name;
import static dev.localdb.domain.allocation.AllocatorFixture.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.Registry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stale entries become remembered ports: explicitly, or with an allocation once an hour. */
class CleanupTest {
    private static final ProcessIdentity GONE = new ProcessIdentity(777, 1, "an-earlier-boot");

    /** A machine whose registry already holds a stale entry for "gone" on 5432. */
    private static AllocatorFixture withStaleEntry(Optional<Instant> lastCleanup) {
        Registry initial = Registry.of(List.of(Allocation.held(name("gone"), port(5432), Optional.of(GONE), T0)), lastCleanup);
        return new AllocatorFixture(AllocationSettings.defaults(), initial);
    }

    @Test
    void theFirstAllocationEverCleansUpAndRecordsTheTime() {
        AllocatorFixture machine = withStaleEntry(Optional.empty());
        machine.clock.advance(Duration.ofMinutes(3));

        machine.reserve("web");

        assertThat(machine.entry("gone").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.store.read().lastCleanup()).contains(T0.plus(Duration.ofMinutes(3)));
    }

    @Test
    void withinTheHourAnAllocationLeavesAStaleEntryAlone() {
        AllocatorFixture machine = withStaleEntry(Optional.of(T0));
        machine.clock.advance(Duration.ofMinutes(59));

        machine.reserve("web");

        assertThat(machine.entry("gone").state()).isEqualTo(AllocationState.HELD);
        assertThat(machine.status("gone")).isEqualTo(AllocationStatus.STALE);
        assertThat(machine.store.read().lastCleanup()).contains(T0);
    }

    @Test
    void exactlyOneHourLaterNoCleanupIsDueYet() {
        AllocatorFixture machine = withStaleEntry(Optional.of(T0));
        machine.clock.advance(Duration.ofHours(1));

        machine.reserve("web");

        assertThat(machine.entry("gone").state()).isEqualTo(AllocationState.HELD);
        assertThat(machine.store.read().lastCleanup()).contains(T0);
    }

    @Test
    void afterMoreThanAnHourTheNextAllocationReleasesStaleEntriesAndRecordsTheTime() {
        AllocatorFixture machine = withStaleEntry(Optional.of(T0));
        machine.clock.advance(Duration.ofHours(1).plusSeconds(1));

        machine.reserve("web");

        Allocation gone = machine.entry("gone");
        assertThat(gone.state()).isEqualTo(AllocationState.RELEASED);
        assertThat(gone.port()).isEqualTo(port(5432));
        assertThat(gone.owner()).isEmpty();
        assertThat(machine.store.read().lastCleanup()).contains(machine.clock.instant());
    }

    @Test
    void autoCleanupOnlyTouchesStaleEntries() {
        AllocatorFixture machine = new AllocatorFixture();
        ProcessIdentity live = machine.processes.start();
        ProcessIdentity dead = machine.processes.start();
        machine.serve("live", live);
        machine.serve("dead", dead);
        machine.reserve("reserved");
        machine.processes.kill(dead);
        machine.clock.advance(Duration.ofHours(2));

        machine.reserve("web");

        assertThat(machine.status("live")).isEqualTo(AllocationStatus.ACTIVE);
        assertThat(machine.status("dead")).isEqualTo(AllocationStatus.RELEASED);
        assertThat(machine.status("reserved")).isEqualTo(AllocationStatus.RESERVED);
    }

    @Test
    void explicitCleanupReturnsTheExactCountAndRecordsTheTime() {
        AllocatorFixture machine = new AllocatorFixture();
        ProcessIdentity killed = machine.processes.start();
        ProcessIdentity reusedPid = machine.processes.start();
        ProcessIdentity live = machine.processes.start();
        machine.serve("killed", killed);
        machine.serve("reused", reusedPid);
        machine.serve("live", live);
        machine.reserve("reserved");
        machine.remember("released");
        machine.processes.kill(killed);
        machine.processes.kill(reusedPid);
        machine.processes.startWithPid(reusedPid.pid());
        machine.clock.advance(Duration.ofMinutes(5));

        int cleaned = machine.allocator.cleanup();

        assertThat(cleaned).isEqualTo(2);
        assertThat(machine.store.read().lastCleanup()).contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(machine.allocator.view().entries()).extracting(RegistryView.Entry::status)
                .containsExactlyInAnyOrder(AllocationStatus.RELEASED, AllocationStatus.RELEASED, AllocationStatus.RELEASED,
                        AllocationStatus.ACTIVE, AllocationStatus.RESERVED);
        assertThat(machine.entry("killed").port().value()).isEqualTo(3000);
    }

    @Test
    void cleanupWithNothingStaleReturnsZeroAndStillRecordsTheTime() {
        AllocatorFixture machine = new AllocatorFixture();
        machine.reserve("web");
        machine.clock.advance(Duration.ofMinutes(7));

        assertThat(machine.allocator.cleanup()).isZero();
        assertThat(machine.store.read().lastCleanup()).contains(machine.clock.instant());
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.RESERVED);
    }

    @Test
    void aSecondCleanupFindsNothingMore() {
        AllocatorFixture machine = withStaleEntry(Optional.empty());

        assertThat(machine.allocator.cleanup()).isEqualTo(1);
        assertThat(machine.allocator.cleanup()).isZero();
    }

    @Test
    void cleanupKeepsAServerWhoseWrapperDiedWhileWhatItStartedStillRuns() {
        AllocatorFixture machine = new AllocatorFixture();
        ProcessIdentity shell = machine.processes.start();
        ProcessIdentity devServer = machine.processes.start();
        machine.processes.joinSession(shell, devServer);
        machine.serve("web", shell);
        machine.processes.kill(shell);

        assertThat(machine.allocator.cleanup()).as("the dev server still serves the port").isZero();
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.ACTIVE);

        machine.processes.kill(devServer);
        assertThat(machine.allocator.cleanup()).isEqualTo(1);
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.RELEASED);
    }
}
