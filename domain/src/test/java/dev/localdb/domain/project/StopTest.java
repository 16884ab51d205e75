package dev.localdb.domain.project;

import static dev.localdb.domain.project.LifecycleFixture.GRACE;
import static dev.localdb.domain.project.LifecycleFixture.name;
import static dev.localdb.domain.project.LifecycleFixture.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ServerControl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StopTest {
    private final LifecycleFixture machine = new LifecycleFixture();

    @Test
    void stopsTheServerAndReleasesItsPortWhichTheProjectRemembers() {
        ProcessIdentity server = machine.runningServer("web");

        StopResult result = machine.lifecycle().stop(name("web"), GRACE);

        assertThat(result).isEqualTo(new StopResult(name("web"), StopResult.Outcome.STOPPED, Optional.of(port(3000)), Map.of(), Optional.of(server)));
        assertThat(machine.control.signalled()).containsExactly(server);
        assertThat(machine.processes.isAlive(server)).isFalse();
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.entry("web").port()).isEqualTo(port(3000));
        assertThat(machine.leftovers.forgotten()).as("its server.json describes nothing now").containsExactly(name("web"));
    }

    @Test
    void aServerThatIgnoresTheRequestIsReportedKilled() {
        ProcessIdentity server = machine.runningServer("web");
        machine.control.ignoreTerm(server);

        assertThat(machine.lifecycle().stop(name("web"), GRACE).outcome()).isEqualTo(StopResult.Outcome.KILLED);
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
    }

    @ParameterizedTest
    @EnumSource(value = ServerControl.Termination.class, names = {"REFUSED", "NOT_PERMITTED"})
    void aServerThatCouldNotBeSignalledKeepsItsPortHeld(ServerControl.Termination termination) {
        // Issue #13 items 2 and 7: stop used to release the port of a server it could not stop.
        ProcessIdentity server = machine.runningServer("web");
        ServerControl control = mock(ServerControl.class);
        when(control.terminate(any(), any())).thenReturn(termination);

        StopResult result = machine.lifecycle(machine.launcher, control).stop(name("web"), GRACE);

        assertThat(result.outcome().name()).isEqualTo(termination.name());
        assertThat(result.outcome().ended()).isFalse();
        assertThat(result.server()).contains(server);
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.HELD);
        assertThat(machine.leftovers.forgotten()).as("the server still runs: its file stays").isEmpty();
    }

    @Test
    void aProjectThatIsNotRunningIsLeftAsItIs() {
        machine.createProject("new");
        machine.runningServer("web");
        machine.lifecycle().stop(name("web"), GRACE);
        int writes = machine.store.writes();

        StopResult never = machine.lifecycle().stop(name("new"), GRACE);
        StopResult again = machine.lifecycle().stop(name("web"), GRACE);

        assertThat(never).isEqualTo(new StopResult(name("new"), StopResult.Outcome.NOT_RUNNING, Optional.empty(), Map.of(), Optional.empty()));
        assertThat(again.outcome()).isEqualTo(StopResult.Outcome.NOT_RUNNING);
        assertThat(again.port()).contains(port(3000));
        assertThat(machine.store.writes()).isEqualTo(writes);
    }

    @Test
    void anUnknownProjectIsAnInputErrorWithAHint() {
        assertThatThrownBy(() -> machine.lifecycle().stop(name("nope"), GRACE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("No project nope.")
                .hasMessageContaining("localdb status");
    }

    @Test
    void aCrashedServerIsReportedAndItsPortReleased() {
        ProcessIdentity server = machine.runningServer("web");
        machine.processes.kill(server);

        StopResult result = machine.lifecycle().stop(name("web"), GRACE);

        assertThat(result.outcome()).isEqualTo(StopResult.Outcome.CRASHED);
        assertThat(result.port()).contains(port(3000));
        assertThat(machine.control.signalled()).isEmpty();
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
    }

    @Test
    void stoppingACrashedServerStopsWhatItLeftBehind() {
        ProcessIdentity shell = machine.runningServer("web");
        ProcessIdentity devServer = machine.processes.start();
        machine.control.leaveBehind(shell, devServer);
        machine.processes.kill(shell);

        StopResult result = machine.lifecycle().stop(name("web"), GRACE);

        assertThat(result.outcome()).isEqualTo(StopResult.Outcome.LEFTOVERS_STOPPED);
        assertThat(machine.processes.isAlive(devServer)).as("the dead server's child no longer holds the port").isFalse();
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
    }

    @Test
    void aCrashedServerThatLeftNothingBehindIsReportedCrashed() {
        ProcessIdentity server = machine.runningServer("web");
        machine.processes.kill(server);

        StopResult result = machine.lifecycle().stop(name("web"), GRACE);

        assertThat(result.outcome()).isEqualTo(StopResult.Outcome.CRASHED);
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
    }

    @Test
    void aProcessThatReusedTheServersPidIsNeverSignalled() {
        ProcessIdentity server = machine.runningServer("web");
        machine.processes.kill(server);
        ProcessIdentity impostor = machine.processes.startWithPid(server.pid());
        ServerControl control = mock(ServerControl.class);

        StopResult result = machine.lifecycle(machine.launcher, control).stop(name("web"), GRACE);

        verify(control, never()).terminate(any(), any());
        assertThat(result.outcome()).isEqualTo(StopResult.Outcome.CRASHED);
        assertThat(machine.processes.isAlive(impostor)).isTrue();
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
    }

    @Test
    void aPortReservedWithLocaldbPortIsNotReleasedByStop() {
        machine.createProject("web");
        machine.allocator.allocate(AllocationRequest.reservation(name("web")));

        StopResult result = machine.lifecycle().stop(name("web"), GRACE);

        assertThat(result.outcome()).isEqualTo(StopResult.Outcome.NOT_RUNNING);
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.HELD);
    }

    @Test
    void stopAllStopsRunningAndCleansUpCrashedProjectsOnly() {
        ProcessIdentity web = machine.runningServer("web");
        ProcessIdentity api = machine.runningServer("api");
        ProcessIdentity db = machine.runningServer("db");
        machine.processes.kill(db);
        machine.allocator.allocate(AllocationRequest.reservation(name("reserved")));

        List<StopResult> results = machine.lifecycle().stopAll(GRACE);

        assertThat(results).extracting(StopResult::project).containsExactly(name("api"), name("db"), name("web"));
        assertThat(results).extracting(StopResult::outcome)
                .containsExactly(StopResult.Outcome.STOPPED, StopResult.Outcome.CRASHED, StopResult.Outcome.STOPPED);
        assertThat(machine.control.signalled()).containsExactlyInAnyOrder(web, api);
        assertThat(machine.liveServers()).isEmpty();
        assertThat(machine.entry("reserved").state()).isEqualTo(AllocationState.HELD);
    }

    @Test
    void stopAllWithNothingRunningStopsNothing() {
        machine.createProject("web");

        assertThat(machine.lifecycle().stopAll(GRACE)).isEmpty();
    }
}
