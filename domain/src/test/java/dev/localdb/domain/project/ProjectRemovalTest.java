package dev.localdb.domain.project;

import static dev.localdb.domain.project.LifecycleFixture.GRACE;
import static dev.localdb.domain.project.LifecycleFixture.name;
import static dev.localdb.domain.project.LifecycleFixture.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.localdb.domain.fake.InMemoryServerLogs;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerControl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectRemovalTest {
    private final LifecycleFixture machine = new LifecycleFixture();
    private final InMemoryServerLogs logs = new InMemoryServerLogs();
    private final List<ProjectName> pagesForgotten = new ArrayList<>();

    private ProjectRemoval removal(ProjectLifecycle lifecycle) {
        return new ProjectRemoval(lifecycle, machine.allocator, machine.catalog, logs, pagesForgotten::add);
    }

    private ProjectStatus status(String project) {
        return machine.lifecycle().status(name(project)).orElseThrow();
    }

    @Test
    void aRunningProjectIsStoppedThenForgottenRemovedAndItsLogDeleted() {
        ProcessIdentity server = machine.runningServer("web");
        logs.write(name("web"), "started\n");
        logs.rotate(name("web"));
        machine.createProject("shop");
        logs.write(name("shop"), "shop's\n");

        ProjectRemoval.Result result = removal(machine.lifecycle()).remove(status("web"), false, GRACE);

        assertThat(result.removed()).isTrue();
        assertThat(result.stop().orElseThrow().outcome()).isEqualTo(StopResult.Outcome.STOPPED);
        assertThat(result.stop().orElseThrow().server()).contains(server);
        assertThat(machine.processes.isAlive(server)).isFalse();
        assertThat(machine.leftovers.forgotten()).as("its server.json describes nothing now").containsExactly(name("web"));
        assertThat(result.forgotten().orElseThrow().port()).isEqualTo(port(3000));
        assertThat(machine.store.read().find(name("web"))).as("its ports are forgotten, not only released").isEmpty();
        assertThat(result.removal().orElseThrow().config().name()).isEqualTo(name("web"));
        assertThat(machine.catalog.find(name("web"))).isEmpty();
        assertThat(logs.exists(name("web"))).isFalse();
        assertThat(logs.hasRotated(name("web"))).isFalse();
        assertThat(pagesForgotten).containsExactly(name("web"));
        assertThat(logs.exists(name("shop"))).as("another project's log is left alone").isTrue();
        assertThat(machine.catalog.find(name("shop"))).isPresent();
    }

    @Test
    void aStoppedProjectIsNotStoppedAgain() {
        machine.runningServer("web");
        machine.lifecycle().stop(name("web"), GRACE);
        int signalled = machine.control.signalled().size();

        ProjectRemoval.Result result = removal(machine.lifecycle()).remove(status("web"), true, GRACE);

        assertThat(result.removed()).isTrue();
        assertThat(result.stop()).isEmpty();
        assertThat(machine.control.signalled()).hasSize(signalled);
        assertThat(result.forgotten().orElseThrow().state()).as("the remembered port").isEqualTo(AllocationState.RELEASED);
        assertThat(machine.catalog.find(name("web"))).isEmpty();
    }

    @Test
    void aNameWithOnlyPortsLosesItsPortsAndHasNoFolderToRemove() {
        machine.heldBy("script", machine.processes.start());
        machine.lifecycle().stop(name("script"), GRACE);

        ProjectRemoval.Result result = removal(machine.lifecycle()).remove(status("script"), false, GRACE);

        assertThat(result.removed()).isTrue();
        assertThat(result.forgotten()).isPresent();
        assertThat(result.removal()).isEmpty();
    }

    @Test
    void aServerThatCannotBeStoppedKeepsEverything() {
        ProcessIdentity server = machine.runningServer("web");
        logs.write(name("web"), "started\n");
        ServerControl control = mock(ServerControl.class);
        when(control.terminate(any(), any())).thenReturn(ServerControl.Termination.NOT_PERMITTED);
        ProjectStatus running = status("web");

        ProjectRemoval.Result result = removal(machine.lifecycle(machine.launcher, control)).remove(running, false, GRACE);

        assertThat(result.removed()).isFalse();
        assertThat(result.stop().orElseThrow().server()).contains(server);
        assertThat(result.forgotten()).isEmpty();
        assertThat(result.removal()).isEmpty();
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.HELD);
        assertThat(machine.catalog.find(name("web"))).isPresent();
        assertThat(logs.exists(name("web"))).isTrue();
        assertThat(pagesForgotten).isEmpty();
    }
}
