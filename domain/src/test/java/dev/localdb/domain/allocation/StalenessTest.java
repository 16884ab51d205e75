package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.LAST_RESORT;
import static dev.localdb.domain.allocation.AllocatorFixture.REMEMBERED;
import static dev.localdb.domain.allocation.AllocatorFixture.portOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.ProcessIdentity;
import org.junit.jupiter.api.Test;

/**
 * An allocation is stale when its owner is gone, was replaced by another process with the same
 * PID, or ran before a reboot. A stale port no longer keeps other projects off, but the project
 * still remembers it, so others take it only as a last resort.
 */
class StalenessTest {
    private final AllocatorFixture machine = new AllocatorFixture();

    @Test
    void aLiveOwnerMakesTheAllocationActive() {
        machine.serve("web", machine.processes.start());

        assertThat(machine.status("web")).isEqualTo(AllocationStatus.ACTIVE);
    }

    @Test
    void aKilledOwnerMakesTheAllocationStale() {
        ProcessIdentity server = machine.processes.start();
        machine.serve("web", server);

        machine.processes.kill(server);

        assertThat(machine.status("web")).isEqualTo(AllocationStatus.STALE);
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.HELD);
    }

    @Test
    void aReusedPidIsNotTheOwner() {
        ProcessIdentity server = machine.processes.start();
        machine.serve("web", server);
        machine.processes.kill(server);

        ProcessIdentity impostor = machine.processes.startWithPid(server.pid());

        assertThat(impostor.pid()).isEqualTo(server.pid());
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.STALE);
    }

    @Test
    void aRebootMakesEveryOwnedAllocationStale() {
        machine.serve("web", machine.processes.start());

        machine.processes.reboot();

        assertThat(machine.status("web")).isEqualTo(AllocationStatus.STALE);
    }

    @Test
    void aReservationWithoutOwnerIsNeverStale() {
        machine.reserve("web");

        machine.processes.reboot();

        assertThat(machine.status("web")).isEqualTo(AllocationStatus.RESERVED);
    }

    @Test
    void aStalePortIsPassedOverByOthersWhileAnotherPortIsFree() {
        ProcessIdentity server = machine.processes.start();
        machine.serve("web", server);               // 3000; also runs the first cleanup
        machine.processes.kill(server);

        assertThat(portOf(machine.reserve("api"))).isEqualTo(3001);
        assertThat(machine.status("web")).isEqualTo(AllocationStatus.STALE);
    }

    @Test
    void aStalePortIsTakenByAnotherProjectAsALastResortAndItsHolderThenOnlyRemembersIt() {
        AllocatorFixture small = new AllocatorFixture(AllocatorFixture.ranges(PortRange.of(3000, 3001)));
        ProcessIdentity server = small.processes.start();
        small.serve("web", server);                 // 3000; the first allocation records the cleanup time
        small.reserve("api");                       // 3001
        small.processes.kill(server);               // no cleanup is due: web stays held, but stale

        AllocationResult db = small.reserve("db");

        assertThat(portOf(db)).isEqualTo(3000);
        assertThat(db.rule()).isEqualTo(LAST_RESORT);
        assertThat(small.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(small.entry("web").port().value()).isEqualTo(3000);
        assertThat(small.status("db")).isEqualTo(AllocationStatus.RESERVED);
    }

    @Test
    void aProjectTakesBackItsRememberedPortFromAStaleLastResortHolder() {
        AllocatorFixture small = new AllocatorFixture(AllocatorFixture.ranges(PortRange.of(3000, 3001)));
        small.remember("web");                      // 3000
        small.reserve("api");                       // 3001
        ProcessIdentity server = small.processes.start();
        small.serve("db", server);                  // 3000 as a last resort
        small.processes.kill(server);               // db is stale on 3000; no cleanup is due

        AllocationResult web = small.reserve("web");

        assertThat(portOf(web)).isEqualTo(3000);
        assertThat(web.rule()).isEqualTo(REMEMBERED);
        assertThat(small.entry("db").state()).isEqualTo(AllocationState.RELEASED);
    }
}
