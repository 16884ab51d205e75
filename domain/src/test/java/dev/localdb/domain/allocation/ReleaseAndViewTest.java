package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.T0;
import static dev.localdb.domain.allocation.AllocatorFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.Registry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseAndViewTest {
    private final AllocatorFixture machine = new AllocatorFixture();

    @Test
    void releasingAHeldPortRemembersItAndReturnsWhatWasHeld() {
        ProcessIdentity server = machine.processes.start();
        Allocation held = machine.serve("web", server).allocation();

        Optional<Allocation> released = machine.allocator.release(name("web"));

        assertThat(released).contains(held);
        Allocation entry = machine.entry("web");
        assertThat(entry.state()).isEqualTo(AllocationState.RELEASED);
        assertThat(entry.port()).isEqualTo(held.port());
        assertThat(entry.owner()).isEmpty();
    }

    @Test
    void releasingAStaleAllocationWorks() {
        ProcessIdentity server = machine.processes.start();
        machine.serve("web", server);
        machine.processes.kill(server);

        assertThat(machine.allocator.release(name("web"))).isPresent();
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.RELEASED);
    }

    @Test
    void releasingAnUnknownProjectReturnsEmptyAndWritesNothing() {
        machine.reserve("web");
        int writes = machine.store.writes();

        assertThat(machine.allocator.release(name("nobody"))).isEmpty();
        assertThat(machine.store.writes()).isEqualTo(writes);
    }

    @Test
    void releasingTwiceReturnsEmptyTheSecondTimeAndWritesNothing() {
        machine.reserve("web");
        assertThat(machine.allocator.release(name("web"))).isPresent();
        int writes = machine.store.writes();
        Registry before = machine.store.read();

        assertThat(machine.allocator.release(name("web"))).isEmpty();
        assertThat(machine.store.writes()).isEqualTo(writes);
        assertThat(machine.store.read()).isEqualTo(before);
    }

    @Test
    void viewReportsEveryStatusAndTheLastCleanup() {
        ProcessIdentity live = machine.processes.start();
        ProcessIdentity dead = machine.processes.start();
        machine.serve("active", live);
        machine.reserve("reserved");
        machine.remember("released");
        machine.serve("stale", dead);
        machine.processes.kill(dead);

        RegistryView view = machine.allocator.view();

        assertThat(view.entries()).extracting(e -> e.allocation().project().value(), RegistryView.Entry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("active", AllocationStatus.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple("released", AllocationStatus.RELEASED),
                        org.assertj.core.groups.Tuple.tuple("reserved", AllocationStatus.RESERVED),
                        org.assertj.core.groups.Tuple.tuple("stale", AllocationStatus.STALE));
        assertThat(view.lastCleanup()).contains(T0);
    }

    @Test
    void viewWritesNothingEvenWhenStaleEntriesAndADueCleanupWait() {
        ProcessIdentity dead = machine.processes.start();
        machine.serve("stale", dead);
        machine.processes.kill(dead);
        machine.clock.advance(Duration.ofHours(5));
        Registry before = machine.store.read();
        int writes = machine.store.writes();

        machine.allocator.view();
        machine.allocator.view();

        assertThat(machine.store.writes()).isEqualTo(writes);
        assertThat(machine.store.read()).isEqualTo(before);
        assertThat(machine.entry("stale").state()).isEqualTo(AllocationState.HELD);
    }

    @Test
    void viewOfAnEmptyRegistryIsEmpty() {
        RegistryView view = machine.allocator.view();

        assertThat(view.entries()).isEmpty();
        assertThat(view.lastCleanup()).isEmpty();
    }
}
