package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.name;
import static dev.localdb.domain.allocation.AllocatorFixture.port;
import static dev.localdb.domain.allocation.AllocatorFixture.portOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.ProjectInUseException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.Registry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One live server per project; ports move between owners only on purpose. */
class OwnershipTest {
    private final AllocatorFixture machine = new AllocatorFixture();

    @Test
    void aDifferentLiveOwnerIsRefusedAndNothingChanges() {
        ProcessIdentity first = machine.processes.start();
        ProcessIdentity second = machine.processes.start();
        machine.serve("web", first);
        Registry before = machine.store.read();
        int writes = machine.store.writes();

        assertThatThrownBy(() -> machine.serve("web", second))
                .isInstanceOf(ProjectInUseException.class)
                .hasMessage("Project web is already served on port 3000 by process " + first.pid()
                        + "; stop it first with 'localdb stop web'.");
        assertThat(machine.store.read()).isEqualTo(before);
        assertThat(machine.store.writes()).isEqualTo(writes);
    }

    @Test
    void theSameOwnerAskingAgainIsFine() {
        ProcessIdentity server = machine.processes.start();
        int port = portOf(machine.serve("web", server));

        assertThat(portOf(machine.serve("web", server))).isEqualTo(port);
    }

    @Test
    void aNewOwnerIsWelcomeOnceTheOldOneDied() {
        ProcessIdentity first = machine.processes.start();
        int port = portOf(machine.serve("web", 5432, first));
        machine.processes.kill(first);
        ProcessIdentity second = machine.processes.start();

        AllocationResult again = machine.serve("web", second);

        assertThat(portOf(again)).isEqualTo(port);
        assertThat(again.allocation().owner()).contains(second);
    }

    @Test
    void anOwnerMayTakeOverAReservation() {
        machine.reserve("web");

        assertThat(machine.serve("web", machine.processes.start()).allocation().owner()).isPresent();
    }

    @Test
    void assignOwnerHandsTheHeldPortToTheServingProcess() {
        Allocation reserved = machine.reserve("web").allocation();
        machine.clock.advance(Duration.ofMinutes(1));
        ProcessIdentity server = machine.processes.start();

        Allocation owned = machine.allocator.assignOwner(name("web"), reserved.port(), server);

        assertThat(owned.owner()).contains(server);
        assertThat(owned.port()).isEqualTo(reserved.port());
        assertThat(owned.allocatedAt()).isEqualTo(reserved.allocatedAt());
        assertThat(machine.entry("web")).isEqualTo(owned);
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.ACTIVE);
    }

    @Test
    void assignOwnerMovesAPortFromOneProcessToAnother() {
        ProcessIdentity starter = machine.processes.start();
        ProcessIdentity server = machine.processes.start();
        int port = portOf(machine.serve("web", starter));

        machine.allocator.assignOwner(name("web"), port(port), server);

        assertThat(machine.entry("web").owner()).contains(server);
        assertThat(machine.allocator.releaseIfOwnedBy(name("web"), starter)).isFalse();
    }

    @Test
    void assignOwnerRefusesAPortTheProjectDoesNotHold() {
        machine.reserve("web");
        ProcessIdentity server = machine.processes.start();

        assertThatThrownBy(() -> machine.allocator.assignOwner(name("web"), port(3001), server))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Project web does not hold port 3001 any more.");
        machine.allocator.release(name("web"));
        assertThatThrownBy(() -> machine.allocator.assignOwner(name("web"), port(3000), server))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> machine.allocator.assignOwner(name("nobody"), port(3000), server))
                .isInstanceOf(InvalidInputException.class);
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
    }

    @Test
    void releaseIfOwnedByReleasesOnlyForTheMatchingOwner() {
        ProcessIdentity server = machine.processes.start();
        ProcessIdentity stranger = machine.processes.start();
        machine.serve("web", server);
        int writes = machine.store.writes();

        assertThat(machine.allocator.releaseIfOwnedBy(name("web"), stranger)).isFalse();
        assertThat(machine.store.writes()).isEqualTo(writes);
        assertThat(machine.entry("web").isHeld()).isTrue();

        assertThat(machine.allocator.releaseIfOwnedBy(name("web"), server)).isTrue();
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.entry("web").port().value()).isEqualTo(3000);
    }

    @Test
    void releaseIfOwnedByLeavesAReservationAlone() {
        machine.reserve("web");

        assertThat(machine.allocator.releaseIfOwnedBy(name("web"), machine.processes.current())).isFalse();
        assertThat(machine.allocator.releaseIfOwnedBy(name("nobody"), machine.processes.current())).isFalse();
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.RESERVED);
    }

    @Test
    void aLateExitDoesNotFreeAPortANewOwnerAlreadyServes() {
        ProcessIdentity old = machine.processes.start();
        machine.serve("web", old);
        machine.processes.kill(old);
        ProcessIdentity fresh = machine.processes.start();
        machine.serve("web", fresh);

        assertThat(machine.allocator.releaseIfOwnedBy(name("web"), old)).isFalse();
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.ACTIVE);
    }
}
