package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.PREFERRED;
import static dev.localdb.domain.allocation.AllocatorFixture.SCAN;
import static dev.localdb.domain.allocation.AllocatorFixture.port;
import static dev.localdb.domain.allocation.AllocatorFixture.portOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.PortRange;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule 3: the request's preferred port, else the configured default (3000), when it is free. */
class PreferredPortTest {
    private final AllocatorFixture machine = new AllocatorFixture();

    @Test
    void withoutAPreferenceTheDefaultPort3000IsTaken() {
        AllocationResult result = machine.reserve("web");

        assertThat(portOf(result)).isEqualTo(3000);
        assertThat(result.rule()).isEqualTo(PREFERRED);
    }

    @Test
    void theRequestsPreferredPortIsTakenWhenFree() {
        AllocationResult result = machine.reserve("web", 5432);

        assertThat(portOf(result)).isEqualTo(5432);
        assertThat(result.rule()).isEqualTo(PREFERRED);
    }

    @Test
    void aPreferredPortOutsideTheRangesIsHonoured() {
        // The ranges only guide the search; a port the project names itself is its own choice.
        assertThat(portOf(machine.reserve("web", 15000))).isEqualTo(15000);
    }

    @Test
    void theConfiguredDefaultPortIsUsedWhenTheRequestNamesNone() {
        AllocationSettings d = AllocationSettings.defaults();
        AllocatorFixture configured = new AllocatorFixture(
                new AllocationSettings(d.ranges(), port(8080), Set.of(), Duration.ofHours(1)));

        assertThat(portOf(configured.reserve("web"))).isEqualTo(8080);
    }

    @Test
    void aPreferredPortHeldByAnotherProjectIsSkipped() {
        machine.reserve("api", 5432);

        AllocationResult web = machine.reserve("web", 5432);

        assertThat(portOf(web)).isEqualTo(3000);
        assertThat(web.rule()).isEqualTo(SCAN);
    }

    @Test
    void aPreferredPortServedByAnotherProjectsLiveProcessIsSkipped() {
        machine.serve("api", 5432, machine.processes.start());

        assertThat(portOf(machine.reserve("web", 5432))).isEqualTo(3000);
    }

    @Test
    void theDefaultPortHeldByAnotherProjectIsSkipped() {
        machine.reserve("api");

        AllocationResult web = machine.reserve("web");

        assertThat(portOf(web)).isEqualTo(3001);
        assertThat(web.rule()).isEqualTo(SCAN);
    }

    @Test
    void aPreferredPortBusyOnTheHostIsSkipped() {
        machine.host.occupy(5432);

        AllocationResult web = machine.reserve("web", 5432);

        assertThat(portOf(web)).isEqualTo(3000);
        assertThat(web.rule()).isEqualTo(SCAN);
    }

    @Test
    void aPreferredPortRememberedByAnotherProjectIsSkipped() {
        machine.reserve("api", 5432);
        machine.allocator.release(AllocatorFixture.name("api"));

        AllocationResult web = machine.reserve("web", 5432);

        assertThat(portOf(web)).isEqualTo(3000);
        assertThat(web.rule()).isEqualTo(SCAN);
    }

    @Test
    void anExcludedPreferredPortIsSkipped() {
        AllocatorFixture excluding = new AllocatorFixture(AllocatorFixture.excluding(5432));

        assertThat(portOf(excluding.reserve("web", 5432))).isEqualTo(3000);
    }

    @Test
    void customRangesStartAtTheirOwnFirstPortNotAt3000() {
        AllocatorFixture custom = new AllocatorFixture(AllocatorFixture.ranges(PortRange.of(8000, 8009)));

        assertThat(portOf(custom.reserve("web"))).isEqualTo(8000);
        assertThat(portOf(custom.reserve("api"))).isEqualTo(8001);
        assertThat(custom.allocator.settings().ranges()).isEqualTo(List.of(PortRange.of(8000, 8009)));
    }
}
