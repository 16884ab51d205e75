package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.LAST_RESORT;
import static dev.localdb.domain.allocation.AllocatorFixture.SCAN;
import static dev.localdb.domain.allocation.AllocatorFixture.name;
import static dev.localdb.domain.allocation.AllocatorFixture.portOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.NoFreePortException;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.PortRange;
import org.junit.jupiter.api.Test;

/** Rule 5: a port another project only remembers is handed out only when nothing else is free. */
class LastResortTest {
    private final AllocatorFixture machine = new AllocatorFixture(AllocatorFixture.ranges(PortRange.of(3000, 3002)));

    @Test
    void aRememberedPortIsPassedOverWhileAnyOtherPortIsFree() {
        machine.remember("web");           // 3000

        AllocationResult api = machine.reserve("api");
        AllocationResult db = machine.reserve("db");

        assertThat(portOf(api)).isEqualTo(3001);
        assertThat(api.rule()).isEqualTo(SCAN);
        assertThat(portOf(db)).isEqualTo(3002);
    }

    @Test
    void aRememberedPortIsTakenWhenNoOtherPortIsFree() {
        machine.remember("web");           // 3000
        machine.reserve("api");            // 3001
        machine.reserve("db");             // 3002

        AllocationResult docs = machine.reserve("docs");

        assertThat(portOf(docs)).isEqualTo(3000);
        assertThat(docs.rule()).isEqualTo(LAST_RESORT);
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.entry("web").port().value()).isEqualTo(3000);
    }

    @Test
    void aRememberedPortIsTakenWhenTheOtherPortsAreBusyOnTheHost() {
        machine.remember("web");           // 3000
        machine.host.occupy(3001, 3002);

        assertThat(portOf(machine.reserve("api"))).isEqualTo(3000);
    }

    @Test
    void amongRememberedPortsTheFirstInScanOrderIsTaken() {
        machine.remember("a");             // 3000
        machine.remember("b");             // 3001
        machine.reserve("c");              // 3002
        machine.allocator.release(name("c"));
        machine.host.occupy(3000);

        assertThat(portOf(machine.reserve("d"))).isEqualTo(3001);
    }

    @Test
    void aRememberedPortBusyOnTheHostIsNotTakenEvenAsALastResort() {
        machine.remember("web");           // 3000
        machine.reserve("api");            // 3001
        machine.reserve("db");             // 3002
        machine.host.occupy(3000);

        assertThatThrownBy(() -> machine.reserve("docs")).isInstanceOf(NoFreePortException.class);
    }

    @Test
    void aRememberedPortOutsideTheRangesIsNeverTakenByAnotherProject() {
        machine.reserve("web", 5432);
        machine.allocator.release(name("web"));
        machine.reserve("api");
        machine.reserve("db");
        machine.reserve("docs");

        assertThatThrownBy(() -> machine.reserve("blog")).isInstanceOf(NoFreePortException.class);
    }
}
