package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.PREFERRED;
import static dev.localdb.domain.allocation.AllocatorFixture.REMEMBERED;
import static dev.localdb.domain.allocation.AllocatorFixture.name;
import static dev.localdb.domain.allocation.AllocatorFixture.portOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.ProcessIdentity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rule 2: a released or stale project gets its remembered port back while that port is free. */
class StickinessTest {
    private final AllocatorFixture machine = new AllocatorFixture();

    @Test
    void releaseThenAllocateGivesTheRememberedPort() {
        machine.reserve("web", 5432);
        machine.allocator.release(name("web"));

        AllocationResult again = machine.reserve("web");

        assertThat(portOf(again)).isEqualTo(5432);
        assertThat(again.rule()).isEqualTo(REMEMBERED);
    }

    @Test
    void theRememberedPortSurvivesOtherProjectsAllocatingMeanwhile() {
        assertThat(machine.remember("web")).isEqualTo(3000);
        int api = portOf(machine.reserve("api"));
        int db = portOf(machine.reserve("db"));
        machine.allocator.release(name("api"));
        int docs = portOf(machine.reserve("docs"));

        AllocationResult again = machine.reserve("web");

        assertThat(api).isEqualTo(3001);
        assertThat(db).isEqualTo(3002);
        assertThat(docs).isEqualTo(3003);
        assertThat(portOf(again)).isEqualTo(3000);
        assertThat(again.rule()).isEqualTo(REMEMBERED);
    }

    @Test
    void aRememberedPortNowBusyOnTheHostGivesAnotherPortWhichIsThenRemembered() {
        machine.reserve("web", 5432);
        machine.allocator.release(name("web"));
        machine.host.occupy(5432);

        AllocationResult moved = machine.reserve("web");

        assertThat(portOf(moved)).isEqualTo(3000);
        assertThat(moved.rule()).isEqualTo(PREFERRED);
        machine.allocator.release(name("web"));
        machine.host.free(5432);
        assertThat(portOf(machine.reserve("web"))).isEqualTo(3000);
    }

    @Test
    void aStaleProjectCleanedUpGetsItsPortBack() {
        ProcessIdentity server = machine.processes.start();
        machine.serve("web", 5432, server);
        machine.processes.kill(server);

        assertThat(machine.allocator.cleanup()).isEqualTo(1);
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        AllocationResult again = machine.serve("web", machine.processes.start());

        assertThat(portOf(again)).isEqualTo(5432);
        assertThat(again.rule()).isEqualTo(REMEMBERED);
    }

    @Test
    void aStaleProjectNotYetCleanedUpGetsItsPortBackWithTheNewOwnerAndTime() {
        ProcessIdentity crashed = machine.processes.start();
        machine.serve("web", 5432, crashed);
        machine.processes.kill(crashed);
        machine.clock.advance(Duration.ofMinutes(10));
        ProcessIdentity restarted = machine.processes.start();

        AllocationResult again = machine.serve("web", restarted);

        assertThat(portOf(again)).isEqualTo(5432);
        assertThat(again.rule()).isEqualTo(REMEMBERED);
        assertThat(again.allocation().owner()).contains(restarted);
        assertThat(again.allocation().allocatedAt()).isEqualTo(machine.clock.instant());
    }

    @Test
    void aRememberedPortAnotherProjectNowHoldsIsNotTakenBack() {
        AllocatorFixture small = new AllocatorFixture(AllocatorFixture.ranges(PortRange.of(3000, 3001)));
        small.remember("web");
        small.reserve("api");                          // 3001
        int lastResort = portOf(small.reserve("db"));  // only 3000 is left, and web merely remembers it

        AllocationResult web = small.reserve("web", 5432);

        assertThat(lastResort).isEqualTo(3000);
        assertThat(portOf(web)).isEqualTo(5432);
        assertThat(web.rule()).isEqualTo(PREFERRED);
        assertThat(small.entry("db").port().value()).isEqualTo(3000);
    }
}
