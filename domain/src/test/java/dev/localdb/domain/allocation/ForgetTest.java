package dev.localdb.domain.allocation;

import static dev.localdb.domain.allocation.AllocatorFixture.name;
import static dev.localdb.domain.allocation.AllocatorFixture.portOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.Registry;
import org.junit.jupiter.api.Test;

/**
 * Short-lived users (tests) take a port and give it back without leaving an entry behind, and a
 * user forgets a project they no longer use (`localdb release --forget`).
 */
class ForgetTest {
    private final AllocatorFixture machine = new AllocatorFixture();

    @Test
    void theOwnerForgetsItsEntryAndThePortIsFreeForAnyone() {
        ProcessIdentity test = machine.processes.start();
        int port = portOf(machine.serve("t-1", test));

        assertThat(machine.allocator.forgetIfOwnedBy(name("t-1"), test)).isTrue();

        assertThat(machine.store.read().find(name("t-1"))).isEmpty();
        // Nobody remembers it, so the next project gets it by the plain preferred-port rule.
        AllocationResult next = machine.reserve("web");
        assertThat(portOf(next)).isEqualTo(port);
        assertThat(next.rule()).isEqualTo(AllocatorFixture.PREFERRED);
    }

    @Test
    void anotherOwnerCannotForgetItAndNothingIsWritten() {
        ProcessIdentity holder = machine.processes.start();
        ProcessIdentity stranger = machine.processes.start();
        machine.serve("t-1", holder);
        Registry before = machine.store.read();
        int writes = machine.store.writes();

        assertThat(machine.allocator.forgetIfOwnedBy(name("t-1"), stranger)).isFalse();

        assertThat(machine.store.read()).isEqualTo(before);
        assertThat(machine.store.writes()).isEqualTo(writes);
    }

    @Test
    void aReleasedEntryOrAnUnknownNameIsNotTheOwnersToForget() {
        ProcessIdentity owner = machine.processes.start();
        machine.serve("t-1", owner);
        machine.allocator.release(name("t-1"));

        assertThat(machine.allocator.forgetIfOwnedBy(name("t-1"), owner)).isFalse();
        assertThat(machine.allocator.forgetIfOwnedBy(name("nobody"), owner)).isFalse();
        assertThat(machine.entry("t-1").state()).isEqualTo(AllocationState.RELEASED);
    }

    @Test
    void forgetUnheldRemovesReleasedAndStaleEntriesOfTheChosenNamesOnly() {
        ProcessIdentity live = machine.processes.start();
        ProcessIdentity crashed = machine.processes.start();
        machine.serve("t-live", live);
        machine.serve("t-crashed", crashed);
        machine.processes.kill(crashed);
        machine.remember("t-released");
        machine.reserve("t-reserved");
        machine.remember("web");
        ProcessIdentity otherCrash = machine.processes.start();
        machine.serve("api", otherCrash);
        machine.processes.kill(otherCrash);

        int removed = machine.allocator.forgetUnheld(project -> project.value().startsWith("t-"));

        assertThat(removed).isEqualTo(2);
        assertThat(machine.store.read().allocations().keySet()).extracting(p -> p.value())
                .containsExactlyInAnyOrder("t-live", "t-reserved", "web", "api");
        assertThat(machine.status("t-live")).isEqualTo(AllocationStatus.ACTIVE);
        assertThat(machine.status("api")).isEqualTo(AllocationStatus.STALE);
    }

    @Test
    void forgetUnheldWritesNothingWhenNothingMatches() {
        machine.remember("web");
        machine.serve("t-live", machine.processes.start());
        int writes = machine.store.writes();

        assertThat(machine.allocator.forgetUnheld(project -> project.value().startsWith("t-"))).isZero();
        assertThat(machine.store.writes()).isEqualTo(writes);
    }

    @Test
    void forgetRemovesAReservationARememberedOrAStaleEntryAndReturnsIt() {
        machine.reserve("reserved");
        machine.remember("remembered");
        ProcessIdentity crashed = machine.processes.start();
        machine.serve("crashed", crashed);
        machine.processes.kill(crashed);
        machine.reserve("kept");

        for (String project : new String[] {"reserved", "remembered", "crashed"}) {
            int port = machine.entry(project).port().value();
            assertThat(machine.allocator.forget(name(project))).as(project)
                    .hasValueSatisfying(entry -> assertThat(entry.port().value()).isEqualTo(port));
            assertThat(machine.store.read().find(name(project))).as(project).isEmpty();
        }
        assertThat(machine.store.read().allocations().keySet()).extracting(p -> p.value()).containsExactly("kept");
    }

    @Test
    void aRunningProjectIsNotForgottenAndNothingIsWritten() {
        machine.serve("web", machine.processes.start());
        Registry before = machine.store.read();
        int writes = machine.store.writes();

        assertThatThrownBy(() -> machine.allocator.forget(name("web")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Project web is running on port")
                .hasMessageContaining("'localdb stop web'");

        assertThat(machine.store.read()).isEqualTo(before);
        assertThat(machine.store.writes()).isEqualTo(writes);
    }

    @Test
    void forgettingAnUnknownProjectReturnsEmptyAndWritesNothing() {
        int writes = machine.store.writes();

        assertThat(machine.allocator.forget(name("nobody"))).isEmpty();
        assertThat(machine.store.writes()).isEqualTo(writes);
    }
}
