package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.T0;
import static dev.localdb.domain.allocation.AllocatorFixture.name;
import static dev.localdb.domain.allocation.AllocatorFixture.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.localdb.domain.error.NoFreePortException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.Registry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When every rule fails the user learns where we looked and what was in the way. */
class ExhaustionTest {

    @Test
    void theMessageNamesTheRangesAndTheExactCounts() {
        AllocatorFixture machine = new AllocatorFixture(AllocatorFixture.ranges(PortRange.of(3000, 3002)));
        machine.reserve("a");                                 // 3000
        machine.serve("b", machine.processes.start());        // 3001
        machine.host.occupy(3002);

        NoFreePortException e = catchThrowableOfType(NoFreePortException.class, () -> machine.reserve("web"));

        assertThat(e).hasMessage("No free port in 3000-3002 (3 ports): 2 held by localdb projects, 1 in use by other "
                + "programs or excluded. Free some with 'localdb release <project>' or 'localdb ports --cleanup', "
                + "or configure more port ranges.");
    }

    @Test
    void countsOverSeveralRangesWithExcludedRememberedAndStalePorts() {
        // 3000-3004 and 4000-4001: 7 ports.
        AllocatorFixture machine = new AllocatorFixture(new AllocationSettings(
                List.of(PortRange.of(3000, 3004), PortRange.of(4000, 4001)), port(3000), Set.of(port(3003)),
                Duration.ofHours(1)));
        ProcessIdentity server = machine.processes.start();
        ProcessIdentity crashed = machine.processes.start();
        machine.reserve("api");                           // 3000, held
        machine.serve("db", 4000, server);                // 4000, held by a live process
        machine.remember("old");                          // 3001, remembered, then busy on the host
        machine.serve("gone", 3002, crashed);             // 3002, stale, then busy on the host
        machine.processes.kill(crashed);
        machine.host.occupy(3001, 3002, 3004, 4001);      // 3003 is excluded

        NoFreePortException e = catchThrowableOfType(NoFreePortException.class, () -> machine.reserve("web"));

        assertThat(e).hasMessageStartingWith("No free port in 3000-3004, 4000-4001 (7 ports): 2 held by localdb projects, "
                + "5 in use by other programs or excluded (1 in the system's ephemeral range or excludedPorts, never handed out).");
    }

    @Test
    void rangesThatLieWhollyInTheExcludedPortsSaySoInsteadOfSuggestingRelease() {
        // LOCALDB_PORT_RANGES=40000-40009 with Linux's ephemeral range 32768-60999: nothing to release would help.
        AllocatorFixture machine = new AllocatorFixture(new AllocationSettings(List.of(PortRange.of(40000, 40009)), port(40000),
                dev.localdb.domain.model.PortSet.of(PortRange.of(32768, 60999)), Duration.ofHours(1), dev.localdb.domain.model.PortSet.empty()));

        NoFreePortException e = catchThrowableOfType(NoFreePortException.class, () -> machine.reserve("web"));

        assertThat(e).hasMessage("No free port in 40000-40009 (10 ports): every one of them lies in the system's ephemeral range "
                + "or in excludedPorts, which localdb never hands out. Configure port ranges outside them (see 'localdb doctor'), "
                + "e.g. LOCALDB_PORT_RANGES=3000-3999.");
    }

    @Test
    void everyPortBusyOnTheHostWithDefaultRanges() {
        AllocatorFixture machine = new AllocatorFixture();
        machine.host.occupyRange(3000, 9999);

        assertThatThrownBy(() -> machine.reserve("web"))
                .isInstanceOf(NoFreePortException.class)
                .hasMessageStartingWith("No free port in 3000-3999, 4000-4999, 5000-9999 (7000 ports): "
                        + "0 held by localdb projects, 7000 in use by other programs or excluded.");
    }

    @Test
    void theRegistryIsUnchangedAfterwardsEvenWhenCleanupWasDue() {
        ProcessIdentity dead = new ProcessIdentity(999_999, 1, "boot-0");
        Registry before = Registry.of(List.of(
                Allocation.held(name("api"), port(3000), Optional.empty(), T0),
                Allocation.held(name("gone"), port(3001), Optional.of(dead), T0),
                Allocation.held(name("web"), port(5432), Optional.empty(), T0).released()),
                Optional.empty());
        AllocatorFixture machine = new AllocatorFixture(AllocatorFixture.ranges(PortRange.of(3000, 3001)), before);
        machine.host.occupy(3001);

        assertThatThrownBy(() -> machine.reserve("docs")).isInstanceOf(NoFreePortException.class);

        assertThat(machine.store.read()).isEqualTo(before);
        assertThat(machine.store.writes()).isZero();
    }
}
