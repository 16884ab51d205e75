package dev.localdb.domain.project;

import static dev.localdb.domain.project.LifecycleFixture.name;
import static dev.localdb.domain.project.LifecycleFixture.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.ProjectInUseException;
import dev.localdb.domain.fake.FakeForegroundLauncher;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.ForegroundCommand;
import dev.localdb.domain.model.ForegroundExit;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code localdb run}: the lifecycle's foreground allocation, and the {@link ForegroundRun} around the command. */
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

    @Test
    void theCommandRunsWithThePortsHeldByThisProcessWhichAreReleasedOnceItHasExited() throws Exception {
        machine.catalog.create(new ProjectConfig(name("web"), Optional.empty(), Optional.empty(), Optional.empty(),
                LifecycleFixture.T0, List.of(PortName.of("api"))));
        machine.foreground.exitsWith("npm", 7).whileRunning("npm", () -> {
            assertThat(machine.entry("web").owner()).as("held while the command runs").contains(machine.processes.current());
        });
        List<Allocation> announced = new ArrayList<>();

        ForegroundExit exit = machine.foregroundRun().run(name("web"), List.of("npm", "run", "dev"), announced::add);

        assertThat(exit).isEqualTo(new ForegroundExit.Exited(7));
        Allocation ports = announced.get(0);
        assertThat(machine.foreground.events()).containsExactly("open", "start", "exit", "close");
        FakeForegroundLauncher.Run run = machine.foreground.runs().get(0);
        assertThat(run.command()).isEqualTo(ForegroundCommand.given(List.of("npm", "run", "dev")));
        assertThat(run.environment()).containsEntry("PORT", ports.port().toString())
                .containsEntry("PORT_API", ports.namedPorts().get(PortName.of("api")).toString())
                .containsEntry("LOCALDB_PROJECT", "web").containsEntry("PATH", "/usr/bin").doesNotContainKey("PORT_OLD");
        assertThat(machine.entry("web").state()).isEqualTo(AllocationState.RELEASED);
        assertThat(machine.entry("web").port()).as("remembered for the next run").isEqualTo(ports.port());
    }

    @Test
    void withoutACommandTheProjectsOwnRunsInItsDirectory() throws Exception {
        ProjectConfig node = machine.catalog.create(new ProjectConfig(name("node"), Optional.empty(), Optional.of("npm run dev"),
                Optional.of("/srv/app"), LifecycleFixture.T0));

        machine.foregroundRun().run(name("node"), List.of(), ports -> { });

        assertThat(machine.foreground.runs().get(0).command()).isEqualTo(
                new ForegroundCommand(List.of("/bin/sh", "-c", "npm run dev"), Optional.of(node)));
    }

    @Test
    void withoutACommandAProjectMustHaveOneOfItsOwnAndNothingIsReserved() {
        machine.createProject("db");

        assertThatThrownBy(() -> machine.foregroundRun().run(name("ghost"), List.of(), ports -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Give the command to run after --, e.g. 'localdb run ghost -- npm run dev'.");
        assertThatThrownBy(() -> machine.foregroundRun().run(name("db"), List.of(), ports -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Project db runs the embedded LocalDB server: use 'localdb start db', or give a command after --.");
        assertThat(machine.store.read().find(name("db"))).isEmpty();
        assertThat(machine.foreground.events()).isEmpty();
    }

    @Test
    void aCommandThatCannotStartIsReportedAndItsPortReleased() throws Exception {
        machine.foreground.cannotStart("no-such-tool", ForegroundExit.Reason.NOT_FOUND);

        ForegroundExit exit = machine.foregroundRun().run(name("tool"), List.of("no-such-tool"), ports -> { });

        assertThat(exit).isEqualTo(new ForegroundExit.NotStarted("no-such-tool", ForegroundExit.Reason.NOT_FOUND));
        assertThat(machine.entry("tool").state()).isEqualTo(AllocationState.RELEASED);
    }

    @Test
    void whenThisProcessIsMadeToEndTheLastStepReleasesThePort() throws Exception {
        AtomicReference<AllocationState> afterShutdown = new AtomicReference<>();
        machine.foreground.whileRunning("vite", () -> {
            machine.foreground.shutDown();
            afterShutdown.set(machine.entry("web").state());
        });

        machine.foregroundRun().run(name("web"), List.of("vite"), ports -> { });

        assertThat(afterShutdown).hasValue(AllocationState.RELEASED);
    }

    @Test
    void aProjectWhoseServerRunsIsRefusedBeforeAnythingStarts() {
        machine.runningServer("blog");

        assertThatThrownBy(() -> machine.foregroundRun().run(name("blog"), List.of("sh"), ports -> { }))
                .isInstanceOf(ProjectInUseException.class);
        assertThat(machine.foreground.events()).isEmpty();
    }
}
