package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.SCAN;
import static dev.localdb.domain.allocation.AllocatorFixture.T0;
import static dev.localdb.domain.allocation.AllocatorFixture.name;
import static dev.localdb.domain.allocation.AllocatorFixture.port;
import static dev.localdb.domain.allocation.AllocatorFixture.portOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.Registry;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rule 4: the first free port of 3000-3999, then 4000-4999, then 5000-9999. */
class RangeScanTest {
    private final AllocatorFixture machine = new AllocatorFixture();

    @Test
    void whenTheFirstRangeIsBusyTheSecondRangeStartsAt4000() {
        machine.host.occupyRange(3000, 3999);

        AllocationResult web = machine.reserve("web");

        assertThat(portOf(web)).isEqualTo(4000);
        assertThat(web.rule()).isEqualTo(SCAN);
    }

    @Test
    void whenTheFirstTwoRangesAreBusyTheThirdRangeStartsAt5000() {
        machine.host.occupyRange(3000, 4999);

        assertThat(portOf(machine.reserve("web"))).isEqualTo(5000);
    }

    @Test
    void theLastPortOfTheLastRangeIsReachable() {
        machine.host.occupyRange(3000, 9998);

        assertThat(portOf(machine.reserve("web"))).isEqualTo(9999);
    }

    @Test
    void whenTheFirstRangeIsFullOfProjectsTheSecondRangeIsUsed() {
        List<Allocation> fullRange = IntStream.rangeClosed(3000, 3999)
                .mapToObj(p -> Allocation.held(name("p" + p), port(p), Optional.empty(), T0))
                .toList();
        AllocatorFixture full = new AllocatorFixture(AllocationSettings.defaults(), Registry.of(fullRange, Optional.of(T0)));

        assertThat(portOf(full.reserve("web"))).isEqualTo(4000);
        assertThat(full.host.probes()).isEqualTo(1);
    }

    @Test
    void portsHeldByOtherProjectsAreSkipped() {
        int a = portOf(machine.reserve("a"));
        int b = portOf(machine.reserve("b"));
        machine.serve("c", machine.processes.start());

        AllocationResult d = machine.reserve("d");

        assertThat(a).isEqualTo(3000);
        assertThat(b).isEqualTo(3001);
        assertThat(machine.entry("c").port().value()).isEqualTo(3002);
        assertThat(portOf(d)).isEqualTo(3003);
    }

    @Test
    void theLowestFreePortIsTakenEvenInAGap() {
        machine.host.occupy(3000, 3001, 3003);

        assertThat(portOf(machine.reserve("web"))).isEqualTo(3002);
    }

    @Test
    void excludedPortsAreSkipped() {
        AllocatorFixture excluding = new AllocatorFixture(AllocatorFixture.excluding(3000, 3001, 3003));

        assertThat(portOf(excluding.reserve("a"))).isEqualTo(3002);
        assertThat(portOf(excluding.reserve("b"))).isEqualTo(3004);
    }

    @Test
    void rangesAreScannedInTheConfiguredOrderNotNumerically() {
        AllocatorFixture custom = new AllocatorFixture(
                AllocatorFixture.ranges(PortRange.of(5000, 5001), PortRange.of(3000, 3001)));
        custom.host.occupy(3000); // a foreign program in the second range

        assertThat(portOf(custom.reserve("web"))).isEqualTo(5000);
        assertThat(portOf(custom.reserve("api"))).isEqualTo(5001);
        assertThat(portOf(custom.reserve("db"))).isEqualTo(3001);
    }
}
