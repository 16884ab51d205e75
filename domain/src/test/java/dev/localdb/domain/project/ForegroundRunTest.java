package dev.localdb.domain.project;

import static dev.localdb.domain.project.LifecycleFixture.name;
import static dev.localdb.domain.project.LifecycleFixture.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.ProjectInUseException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.ProcessIdentity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForegroundRunTest {
    private final LifecycleFixture machine = new LifecycleFixture();

    @Test
    void thisProcessServesThePortUntilItFinishes() {
        ProcessIdentity self = machine.processes.current();

        Allocation held = machine.lifecycle().allocateForeground(name("web"), Optional.empty()).allocation();

        assertThat(held.owner()).contains(self);
        assertThat(machine.lifecycle().status(name("web")).orElseThrow().state()).isEqualTo(ProjectStatus.State.RUNNING);
        assertThat(machine.lifecycle().finishForeground(name("web"), self)).isTrue();
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.entry("web").port()).isEqualTo(held.port());
    }

    @Test
    void finishingDoesNotReleaseAPortSomeoneElseHoldsByNow() {
        ProcessIdentity self = machine.processes.current();
        machine.lifecycle().allocateForeground(name("web"), Optional.empty());
        ProcessIdentity newer = machine.processes.start();
        machine.allocator.assignOwner(name("web"), port(3000), newer);

        assertThat(machine.lifecycle().finishForeground(name("web"), self)).isFalse();
        assertThat(machine.entry("web").owner()).contains(newer);
    }

    @Test
    void usesTheGivenPortElseTheProjectsPreferredPort() {
        machine.createProject("web", 8080);
        machine.createProject("api", 8081);

        assertThat(machine.lifecycle().allocateForeground(name("web"), Optional.empty()).allocation().port()).isEqualTo(port(8080));
        assertThat(machine.lifecycle().allocateForeground(name("api"), Optional.of(port(9090))).allocation().port()).isEqualTo(port(9090));
    }

    @Test
    void refusesAProjectWhoseServerRuns() {
        machine.runningServer("web");

        assertThatThrownBy(() -> machine.lifecycle().allocateForeground(name("web"), Optional.empty()))
                .isInstanceOf(ProjectInUseException.class)
                .hasMessageContaining("localdb stop web");
    }
}
