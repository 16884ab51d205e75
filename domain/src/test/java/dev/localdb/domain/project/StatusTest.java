package dev.localdb.domain.project;

import static dev.localdb.domain.project.LifecycleFixture.name;
import static dev.localdb.domain.project.LifecycleFixture.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.project.ProjectStatus.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusTest {
    private final LifecycleFixture machine = new LifecycleFixture();

    @Test
    void aRunningProjectShowsItsPortServerSinceAndUrl() {
        machine.clock.advance(Duration.ofMinutes(5));
        Instant startedAt = machine.clock.instant();
        ProcessIdentity server = machine.runningServer("web");

        ProjectStatus web = machine.lifecycle().status(name("web")).orElseThrow();

        assertThat(web.state()).isEqualTo(State.RUNNING);
        assertThat(web.port()).contains(port(3000));
        assertThat(web.server()).contains(server);
        assertThat(web.since()).contains(startedAt);
        assertThat(web.url()).contains("http://localhost:3000");
        assertThat(web.config()).isPresent();
    }

    @Test
    void aDeadWrapperWhoseChildServesThePortIsRunningWithTheWrapperGone() {
        ProcessIdentity shell = machine.runningServer("web");
        ProcessIdentity devServer = machine.processes.start();
        machine.control.leaveBehind(shell, devServer).serve(devServer, port(3000));
        machine.processes.kill(shell);

        ProjectStatus web = machine.lifecycle().status(name("web")).orElseThrow();

        assertThat(web.state()).isEqualTo(State.RUNNING);
        assertThat(web.wrapperGone()).isTrue();
        assertThat(web.stateText()).isEqualTo("running (wrapper gone)");
        assertThat(web.url()).contains("http://localhost:3000");
    }

    @Test
    void aDeadWrapperWhoseChildHasNotOpenedThePortYetIsStillRunning() {
        ProcessIdentity shell = machine.runningServer("web");
        machine.control.leaveBehind(shell, machine.processes.start()); // alive, the port still closed
        machine.processes.kill(shell);

        ProjectStatus web = machine.lifecycle().status(name("web")).orElseThrow();

        // What the project started still runs: calling it crashed would let cleanup orphan it.
        assertThat(web.state()).isEqualTo(State.RUNNING);
        assertThat(web.wrapperGone()).isTrue();
    }

    @Test
    void aDeadWrapperWhoseChildrenEndedTooIsCrashed() {
        ProcessIdentity shell = machine.runningServer("web");
        ProcessIdentity devServer = machine.processes.start();
        machine.control.leaveBehind(shell, devServer);
        machine.processes.kill(shell);
        machine.processes.kill(devServer);

        ProjectStatus web = machine.lifecycle().status(name("web")).orElseThrow();

        assertThat(web.state()).isEqualTo(State.CRASHED);
        assertThat(web.wrapperGone()).isFalse();
        assertThat(web.stateText()).isEqualTo("crashed");
    }

    @Test
    void listsEveryProjectAndEveryRegistryOnlyNameSortedByName() {
        ProcessIdentity crashed = machine.runningServer("api");
        machine.processes.kill(crashed);
        machine.runningServer("web");
        machine.createProject("docs");
        machine.runningServer("old");
        machine.lifecycle().stop(name("old"), LifecycleFixture.GRACE);
        machine.allocator.allocate(AllocationRequest.reservation(name("reserved")));

        List<ProjectStatus> all = machine.lifecycle().statuses();

        assertThat(all).extracting(ProjectStatus::name)
                .containsExactly(name("api"), name("docs"), name("old"), name("reserved"), name("web"));
        assertThat(all).extracting(ProjectStatus::state)
                .containsExactly(State.CRASHED, State.STOPPED, State.STOPPED, State.STOPPED, State.RUNNING);
        ProjectStatus api = all.get(0);
        assertThat(api.server()).contains(crashed);
        assertThat(api.url()).isEmpty();
        assertThat(all.get(1).port()).as("never started").isEmpty();
        assertThat(all.get(2).port()).as("remembered").isPresent();
        assertThat(all.get(2).since()).as("nothing held").isEmpty();
        ProjectStatus reserved = all.get(3);
        assertThat(reserved.config()).as("no project of that name").isEmpty();
        assertThat(reserved.allocation()).contains(AllocationStatus.RESERVED);
    }

    @Test
    void aNameLocaldbDoesNotKnowHasNoStatus() {
        machine.createProject("web");

        assertThat(machine.lifecycle().status(name("nope"))).isEmpty();
        assertThat(machine.lifecycle().status(name("web"))).map(ProjectStatus::state).contains(State.STOPPED);
    }

    @Test
    void readingStatusesNeverWrites() {
        ProcessIdentity crashed = machine.runningServer("api");
        machine.processes.kill(crashed);
        machine.runningServer("web");
        machine.clock.advance(Duration.ofDays(1)); // cleanup would be due for a writing command
        int writes = machine.store.writes();
        List<ProjectConfig> projects = machine.catalog.list();

        machine.lifecycle().statuses();
        machine.lifecycle().status(name("api"));
        machine.lifecycle().status(name("nope"));

        assertThat(machine.store.writes()).isEqualTo(writes);
        assertThat(machine.catalog.list()).isEqualTo(projects);
        assertThat(machine.entry("api").owner()).isEqualTo(Optional.of(crashed));
    }
}
