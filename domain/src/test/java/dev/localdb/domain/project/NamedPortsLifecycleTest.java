package dev.localdb.domain.project;

import static dev.localdb.domain.project.LifecycleFixture.GRACE;
import static dev.localdb.domain.project.LifecycleFixture.T0;
import static dev.localdb.domain.project.LifecycleFixture.name;
import static dev.localdb.domain.project.LifecycleFixture.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.allocation.AllocationResult;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.NoFreePortException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.port.ServerLauncher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A project's server gets all its ports at once, and they stop, start and stay together. */
class NamedPortsLifecycleTest {
    private static final PortName API = PortName.of("api");
    private static final PortName DEBUG = PortName.of("debug");

    private final LifecycleFixture machine = new LifecycleFixture();

    private void createWithNames(String project, PortName... names) {
        machine.catalog.create(new ProjectConfig(name(project), Optional.empty(), Optional.of("serve"), Optional.empty(), T0,
                List.of(names)));
    }

    @Test
    void theServerGetsEveryPortInItsEnvironmentAndTheResultNamesThem() {
        createWithNames("web", DEBUG, API);

        StartResult started = machine.start("web");

        LaunchSpec launched = machine.launcher.launches().get(0);
        assertThat(launched.port()).isEqualTo(port(3000));
        assertThat(launched.namedPorts()).containsExactly(Map.entry(API, port(3001)), Map.entry(DEBUG, port(3002)));
        assertThat(launched.portEnvironment()).containsExactly(
                Map.entry("LOCALDB_PROJECT", "web"), Map.entry("PORT", "3000"),
                Map.entry("PORT_API", "3001"), Map.entry("PORT_DEBUG", "3002"));
        assertThat(started.namedPorts()).isEqualTo(launched.namedPorts());
        assertThat(started.namedUrls()).containsExactly(
                Map.entry(API, "http://localhost:3001"), Map.entry(DEBUG, "http://localhost:3002"));
        Allocation entry = machine.entry("web");
        assertThat(entry.owner()).contains(started.server());
        assertThat(entry.namedPorts()).isEqualTo(launched.namedPorts());
    }

    @Test
    void stopReleasesEveryPortAndTheNextStartGetsTheSamePortsBack() {
        createWithNames("web", API);
        StartResult first = machine.start("web");
        machine.createProject("other");
        machine.start("other");

        StopResult stopped = machine.lifecycle().stop(name("web"), GRACE);
        assertThat(stopped.namedPorts()).as("the result names every port it released").isEqualTo(first.namedPorts());
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.entry("web").namedPorts()).isEqualTo(first.namedPorts());
        StartResult second = machine.start("web");

        assertThat(second.port()).isEqualTo(first.port());
        assertThat(second.namedPorts()).isEqualTo(first.namedPorts());
        assertThat(second.server()).isNotEqualTo(first.server());
        assertThat(machine.entry("other").port()).isNotIn(second.namedPorts().values()).isNotEqualTo(second.port());
    }

    @Test
    void aRunningProjectReportsItsNamedPorts() {
        createWithNames("web", API);
        StartResult first = machine.start("web");

        StartResult again = machine.start("web");

        assertThat(again.outcome()).isEqualTo(StartResult.Outcome.ALREADY_RUNNING);
        assertThat(again.namedPorts()).isEqualTo(first.namedPorts());
        ProjectStatus status = machine.lifecycle().status(name("web")).orElseThrow();
        assertThat(status.namedPorts()).isEqualTo(first.namedPorts());
        assertThat(status.namedUrls()).containsExactly(Map.entry(API, "http://localhost:3001"));
    }

    @Test
    void aStoppedProjectShowsTheNamedPortsItRemembersButNoUrls() {
        createWithNames("web", API);
        machine.start("web");
        machine.lifecycle().stop(name("web"), GRACE);

        ProjectStatus status = machine.lifecycle().status(name("web")).orElseThrow();

        assertThat(status.state()).isEqualTo(ProjectStatus.State.STOPPED);
        assertThat(status.namedPorts()).containsExactly(Map.entry(API, port(3001)));
        assertThat(status.namedUrls()).isEmpty();
    }

    @Test
    void aNamedPortTakenByAnotherProgramBeforeTheServerListensIsReplacedOnTheNextAttempt() {
        createWithNames("web", API);
        RecordingProgress progress = new RecordingProgress();
        List<LaunchSpec> specs = new ArrayList<>();
        ServerLauncher thief = new ServerLauncher() {
            @Override
            public ProcessIdentity launch(LaunchSpec spec) {
                specs.add(spec);
                if (specs.size() == 1) {
                    machine.host.occupy(spec.namedPorts().get(API).value());
                    machine.launcher.exitsAtOnce(spec.project().name(), "Error: listen EADDRINUSE " + spec.namedPorts().get(API));
                } else {
                    machine.launcher.becomesReady(spec.project().name());
                }
                return machine.launcher.launch(spec);
            }

            @Override
            public List<String> lastLogLines(LaunchSpec spec, int count) {
                return machine.launcher.lastLogLines(spec, count);
            }
        };

        StartResult started = machine.lifecycle(thief, machine.control).start(name("web"), StartOptions.defaults(), progress);

        assertThat(started.port()).as("the main port was fine and is kept").isEqualTo(port(3000));
        assertThat(started.namedPorts().get(API)).isEqualTo(port(3002));
        assertThat(progress.retriedAfter).containsExactly(port(3001));
        assertThat(machine.liveServers()).containsExactly(started.server());
    }

    @Test
    void whenANamedPortCannotBeFoundNothingIsLaunchedAndNothingIsHeld() {
        createWithNames("web", API);
        machine.host.occupyRange(3001, 9999);

        assertThatThrownBy(() -> machine.start("web")).isInstanceOf(NoFreePortException.class)
                .hasMessageContaining("for port \"api\" of web");

        assertThat(machine.launcher.launches()).isEmpty();
        assertThat(machine.store.read().find(name("web"))).isEmpty();
    }

    @Test
    void aForegroundRunGetsTheConfiguredNamedPorts() {
        createWithNames("web", API, DEBUG);

        Allocation running = machine.lifecycle().allocateForeground(name("web"), Optional.empty()).allocation();

        assertThat(running.namedPorts()).containsOnlyKeys(API, DEBUG);
        assertThat(running.owner()).contains(machine.processes.current());
    }

    @Test
    void aReservationKeepsEveryNamedPortTheProjectHasAndAddsTheOnesAskedFor() {
        createWithNames("web", API, DEBUG);
        StartResult started = machine.start("web");
        machine.lifecycle().stop(name("web"), GRACE);
        ProjectLifecycle lifecycle = machine.lifecycle();

        Allocation plain = lifecycle.reserve(name("web"), List.of()).allocation();
        Allocation more = lifecycle.reserve(name("web"), List.of(PortName.of("extra"))).allocation();

        assertThat(plain.port()).isEqualTo(started.port());
        assertThat(plain.namedPorts()).as("remembered ports stay together").isEqualTo(started.namedPorts());
        assertThat(plain.owner()).isEmpty();
        assertThat(more.namedPorts()).containsOnlyKeys(API, DEBUG, PortName.of("extra"));
        assertThat(lifecycle.reserve(name("unknown"), List.of()).allocation().namedPorts()).as("a name without a project").isEmpty();
        assertThat(more.ports()).doesNotHaveDuplicates().contains(PortNumber.of(3000));
    }

    @Test
    void aNamedReservationReservesEveryPortOfTheProjectAndNamesTheOneAskedFor() {
        createWithNames("web", API, DEBUG);

        AllocationResult result = machine.lifecycle().reserveNamed(name("web"), API);

        assertThat(result.allocation().namedPorts()).containsOnlyKeys(API, DEBUG);
        assertThat(result.allocation().owner()).isEmpty();
    }

    @Test
    void aNamedReservationOfANameTheProjectLacksReservesNothingAndSaysWhichNamesItHas() {
        createWithNames("web", API);
        createWithNames("plain");

        assertThatThrownBy(() -> machine.lifecycle().reserveNamed(name("web"), DEBUG))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Project \"web\" has no port named \"debug\" (its names are api);"
                        + " named ports are given with 'localdb new web --port-name NAME'.");
        assertThatThrownBy(() -> machine.lifecycle().reserveNamed(name("plain"), DEBUG)).hasMessageContaining("(it has none)");
        assertThatThrownBy(() -> machine.lifecycle().reserveNamed(name("nosuch"), DEBUG)).isInstanceOf(InvalidInputException.class);
        assertThat(machine.store.read().allocations()).isEmpty();
    }
}
