package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.HOLDS;
import static dev.localdb.domain.allocation.AllocatorFixture.T0;
import static dev.localdb.domain.allocation.AllocatorFixture.portOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ProcessIdentity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rule 1: a project that holds a port (live or reserved) gets the same port again. */
class SameProjectKeepsItsPortTest {
    private final AllocatorFixture machine = new AllocatorFixture();

    @Test
    void askingTwiceForAReservationGivesTheSamePortAndOneEntry() {
        AllocationResult first = machine.reserve("web");
        machine.clock.advance(Duration.ofMinutes(5));
        AllocationResult second = machine.reserve("web");

        assertThat(portOf(second)).isEqualTo(portOf(first)).isEqualTo(3000);
        assertThat(second.rule()).isEqualTo(HOLDS);
        assertThat(machine.store.read().size()).isEqualTo(1);
        assertThat(second.allocation().allocatedAt()).isEqualTo(T0);
    }

    @Test
    void askingAgainForTheSameReservationWritesNothing() {
        machine.reserve("web");
        int writes = machine.store.writes();

        machine.reserve("web");

        assertThat(machine.store.writes()).isEqualTo(writes);
    }

    @Test
    void aHeldLiveAllocationKeepsItsPortOwnerAndAllocationTime() {
        ProcessIdentity server = machine.processes.start();
        AllocationResult first = machine.serve("web", 5432, server);
        machine.clock.advance(Duration.ofMinutes(30));

        AllocationResult again = machine.serve("web", server);

        assertThat(portOf(again)).isEqualTo(portOf(first)).isEqualTo(5432);
        assertThat(again.rule()).isEqualTo(HOLDS);
        assertThat(again.allocation().allocatedAt()).isEqualTo(T0);
        assertThat(again.allocation().owner()).contains(server);
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.ACTIVE);
    }

    @Test
    void aReservationAskedForByAServerKeepsItsPortAndGainsTheOwner() {
        int reserved = portOf(machine.reserve("web"));
        machine.clock.advance(Duration.ofMinutes(1));
        ProcessIdentity server = machine.processes.start();

        AllocationResult served = machine.serve("web", server);

        assertThat(portOf(served)).isEqualTo(reserved);
        assertThat(served.allocation().owner()).contains(server);
        assertThat(served.allocation().allocatedAt()).isEqualTo(T0);
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.ACTIVE);
    }

    @Test
    void aReservationAskedForWhileServedKeepsTheServingOwner() {
        ProcessIdentity server = machine.processes.start();
        machine.serve("web", server);

        AllocationResult looked = machine.reserve("web");

        assertThat(looked.allocation().owner()).contains(server);
        assertThat(machine.entry("web").owner()).contains(server);
    }

    @Test
    void aHeldPortWinsOverANewPreferredPort() {
        int held = portOf(machine.reserve("web"));

        AllocationResult again = machine.reserve("web", 8080);

        assertThat(portOf(again)).isEqualTo(held);
    }

    @Test
    void aHeldPortIsKeptEvenWhileTheHostReportsItBusy() {
        // The busy listener is the project's own server: rule 1 must not give the port away.
        ProcessIdentity server = machine.processes.start();
        int held = portOf(machine.serve("web", server));
        machine.host.occupy(held);

        assertThat(portOf(machine.serve("web", server))).isEqualTo(held);
    }
}
