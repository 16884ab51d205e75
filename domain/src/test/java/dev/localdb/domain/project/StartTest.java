package dev.localdb.domain.project;

import static dev.localdb.domain.project.LifecycleFixture.name;
import static dev.localdb.domain.project.LifecycleFixture.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.ServerStartFailedException;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerControl;
import dev.localdb.domain.port.ServerLauncher;
import dev.localdb.domain.port.StartProgress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class StartTest {
    private final LifecycleFixture machine = new LifecycleFixture();

    @Test
    void startsTheServerOnTheProjectsPortAndHandsThePortToIt() {
        ProjectConfig web = machine.createProject("web");

        StartResult result = machine.start("web");

        assertThat(result.outcome()).isEqualTo(StartResult.Outcome.STARTED);
        assertThat(result.port()).isEqualTo(port(3000));
        assertThat(result.url()).isEqualTo("http://localhost:3000");
        assertThat(result.createdNow()).isFalse();
        assertThat(machine.launcher.launches()).containsExactly(new LaunchSpec(web, port(3000)));
        assertThat(machine.processes.isAlive(result.server())).isTrue();
        assertThat(machine.entry("web").owner()).contains(result.server());
    }

    @Test
    void startsOnThePreferredPortOfTheProject() {
        machine.createProject("web", 8080);

        assertThat(machine.start("web").port()).isEqualTo(port(8080));
    }

    @Test
    void aStartAfterAStopGetsTheSamePortAgain() {
        machine.createProject("web");
        machine.createProject("api");
        int first = machine.start("web").port().value();
        machine.lifecycle().stop(name("web"), LifecycleFixture.GRACE);

        int apiPort = machine.start("api").port().value();
        int again = machine.start("web").port().value();

        assertThat(apiPort).as("another project leaves the remembered port alone").isNotEqualTo(first);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void anUnknownNameIsRefusedWithTheClosestNamesAndNothingIsCreatedOrAllocated() {
        machine.start("node");
        machine.lifecycle().stop(name("node"), LifecycleFixture.GRACE);

        assertThatThrownBy(() -> machine.lifecycle().start(name("node2"), StartOptions.defaults(), StartProgress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("No project node2. Did you mean node? Create it with 'localdb new node2' (or 'localdb start node2"
                        + " --create'); 'localdb status' lists the projects.");
        assertThat(machine.catalog.find(name("node2"))).isEmpty();
        assertThat(machine.lifecycle().status(name("node2"))).as("no registry entry either").isEmpty();
    }

    @Test
    void createsAProjectThatDoesNotExistYetWhenAskedTo() {
        StartResult first = machine.start("web");
        machine.lifecycle().stop(name("web"), LifecycleFixture.GRACE);
        StartResult second = machine.start("web");

        assertThat(first.createdNow()).isTrue();
        assertThat(first.project()).isEqualTo(ProjectConfig.defaults(name("web"), LifecycleFixture.T0));
        assertThat(machine.catalog.find(name("web"))).contains(first.project());
        assertThat(second.createdNow()).isFalse();
    }

    @Test
    void aRunningProjectIsNotLaunchedAgain() {
        StartResult running = machine.start("web");
        ServerLauncher launcher = mock(ServerLauncher.class);
        ServerControl control = mock(ServerControl.class);

        StartResult again = machine.lifecycle(launcher, control)
                .start(name("web"), StartOptions.defaults(), StartProgress.NONE);

        assertThat(again.outcome()).isEqualTo(StartResult.Outcome.ALREADY_RUNNING);
        assertThat(again.createdNow()).isFalse();
        assertThat(again.port()).isEqualTo(running.port());
        assertThat(again.server()).isEqualTo(running.server());
        verifyNoInteractions(launcher, control);
    }

    @Test
    void untilTheServerTakesOverTheStartingProcessOwnsThePort() {
        machine.createProject("web");
        ProjectName web = name("web");
        AtomicReference<Optional<ProcessIdentity>> ownerAtLaunch = new AtomicReference<>();
        ServerLauncher watching = new ServerLauncher() {
            @Override
            public ProcessIdentity launch(LaunchSpec spec) {
                ownerAtLaunch.set(machine.entry("web").owner());
                return machine.launcher.launch(spec);
            }

            @Override
            public List<String> lastLogLines(LaunchSpec spec, int count) {
                return machine.launcher.lastLogLines(spec, count);
            }
        };

        StartResult result = machine.lifecycle(watching, machine.control).start(web, StartOptions.defaults(), StartProgress.NONE);

        // A crash of `localdb start` before the hand-over leaves a stale entry, which cleanup frees.
        assertThat(ownerAtLaunch.get()).isEqualTo(Optional.of(machine.processes.current()));
        assertThat(machine.entry("web").owner()).contains(result.server());
    }

    @Test
    void aServerThatExitsAtOnceFailsWithItsLogAndLeavesNothingHeld() {
        machine.createProject("web");
        machine.launcher.exitsAtOnce(name("web"), "Error: Cannot find module 'express'", "node exited with code 1");

        ServerStartFailedException failure = startFailure(() -> machine.start("web"));

        assertThat(failure.reason()).isEqualTo(ServerStartFailedException.Reason.EXITED);
        assertThat(failure.getMessage()).startsWith("Server for web exited before it was ready on port 3000");
        assertThat(failure.logLines()).containsExactly("Error: Cannot find module 'express'", "node exited with code 1");
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.entry("web").port()).as("remembered for the next start").isEqualTo(port(3000));
        assertThat(machine.launcher.launches()).as("a free port is not a reason to retry").hasSize(1);
        assertThat(machine.liveServers()).isEmpty();
    }

    @Test
    void aServerThatIsNotReadyInTimeIsStoppedAndItsPortReleased() {
        machine.createProject("web");
        machine.launcher.neverReady(name("web"));
        RecordingProgress progress = new RecordingProgress();

        ServerStartFailedException failure = startFailure(() -> machine.lifecycle()
                .start(name("web"), new StartOptions(Duration.ofSeconds(30)), progress));

        assertThat(failure.reason()).isEqualTo(ServerStartFailedException.Reason.TIMED_OUT);
        assertThat(failure.getMessage()).contains("did not accept connections on port 3000 within 30 s");
        assertThat(machine.control.signalled()).containsExactlyElementsOf(machine.launcher.started());
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.liveServers()).isEmpty();
        assertThat(machine.pauses).isNotEmpty().allMatch(p -> p.equals(Duration.ofMillis(50)));
        assertThat(progress.waited).isSorted().last().isEqualTo(Duration.ofMillis(29_950));
    }

    @Test
    void aPortTakenByAnotherProgramBeforeTheServerBindsIsReplacedByAnother() {
        machine.createProject("web");
        RecordingProgress progress = new RecordingProgress();
        ServerLauncher launcher = new PortThief(machine, 1);

        StartResult result = machine.lifecycle(launcher, machine.control).start(name("web"), StartOptions.defaults(), progress);

        assertThat(result.outcome()).isEqualTo(StartResult.Outcome.STARTED);
        assertThat(result.port()).isEqualTo(port(3001));
        assertThat(progress.launchedOn).containsExactly(port(3000), port(3001));
        assertThat(progress.retriedAfter).containsExactly(port(3000));
        assertThat(progress.reasons.get(0)).contains("taken by another program");
        assertThat(machine.entry("web").owner()).contains(result.server());
        assertThat(machine.liveServers()).containsExactly(result.server());
    }

    @Test
    void givesUpAfterThreePortsWereTaken() {
        machine.createProject("web");

        ServerStartFailedException failure = startFailure(() -> machine
                .lifecycle(new PortThief(machine, 5), machine.control).start(name("web"), StartOptions.defaults(), StartProgress.NONE));

        assertThat(failure.reason()).isEqualTo(ServerStartFailedException.Reason.PORT_TAKEN);
        assertThat(failure.getMessage()).contains("ports 3000, 3001, 3002");
        assertThat(machine.launcher.launches()).hasSize(3);
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.liveServers()).isEmpty();
    }

    @Test
    void aLaunchThatFailsReleasesThePort() {
        machine.createProject("web");
        ServerLauncher broken = mock(ServerLauncher.class);
        when(broken.launch(any()))
                .thenThrow(new InvalidInputException("Cannot run the project's command."));

        assertThatThrownBy(() -> machine.lifecycle(broken, machine.control)
                .start(name("web"), StartOptions.defaults(), StartProgress.NONE))
                .isInstanceOf(InvalidInputException.class);

        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
    }

    @Test
    void anInterruptedWaitStopsTheServerAndReleasesThePort() {
        machine.createProject("web");
        machine.launcher.neverReady(name("web"));
        Pause interrupted = d -> {
            throw new CancellationException("interrupted");
        };
        ProjectLifecycle lifecycle = new ProjectLifecycle(machine.allocator, machine.catalog, machine.launcher,
                machine.control, machine.processes, machine.host, machine.clock, interrupted, machine.leftovers);

        assertThatThrownBy(() -> lifecycle.start(name("web"), StartOptions.defaults(), StartProgress.NONE))
                .isInstanceOf(CancellationException.class);

        assertThat(machine.liveServers()).isEmpty();
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
    }

    private static ServerStartFailedException startFailure(ThrowingCallable start) {
        Throwable thrown = catchThrowable(start);
        assertThat(thrown).isInstanceOf(ServerStartFailedException.class);
        return (ServerStartFailedException) thrown;
    }
}
