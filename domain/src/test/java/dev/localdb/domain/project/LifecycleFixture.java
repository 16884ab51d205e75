package dev.localdb.domain.project;

import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.AllocationSettings;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.fake.FakeForegroundLauncher;
import dev.localdb.domain.fake.FakePortProbe;
import dev.localdb.domain.fake.FakeProcessInspector;
import dev.localdb.domain.fake.FakeServerControl;
import dev.localdb.domain.fake.FakeServerLauncher;
import dev.localdb.domain.fake.InMemoryProjectCatalog;
import dev.localdb.domain.fake.InMemoryRegistryStore;
import dev.localdb.domain.fake.MutableClock;
import dev.localdb.domain.fake.RecordingLeftoverServerFiles;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerControl;
import dev.localdb.domain.port.ServerLauncher;
import dev.localdb.domain.port.StartProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated machine for lifecycle tests: registry, host ports, process table, catalog, servers
 * and a clock that moves only when the lifecycle pauses, so waiting 30 s takes no time at all.
 */
final class LifecycleFixture {
    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(10);

    final InMemoryRegistryStore store = new InMemoryRegistryStore();
    final FakePortProbe host = new FakePortProbe();
    final FakeProcessInspector processes = new FakeProcessInspector();
    final MutableClock clock = new MutableClock(T0);
    final InMemoryProjectCatalog catalog = new InMemoryProjectCatalog();
    final FakeServerControl control = new FakeServerControl(processes);
    final FakeServerLauncher launcher = new FakeServerLauncher(processes, control);
    final PortAllocator allocator = new PortAllocator(store, host, processes, clock, AllocationSettings.defaults());
    /** The foreground child of {@code localdb run}; it inherits a stale PORT_OLD, as from a shell inside another run. */
    final FakeForegroundLauncher foreground = new FakeForegroundLauncher(Map.of("PATH", "/usr/bin", "PORT_OLD", "1"));
    final RecordingLeftoverServerFiles leftovers = new RecordingLeftoverServerFiles();
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    final Pause pause = duration -> {
        pauses.add(duration);
        clock.advance(duration);
    };

    ProjectLifecycle lifecycle() {
        return lifecycle(launcher, control);
    }

    ProjectLifecycle lifecycle(ServerLauncher someLauncher, ServerControl someControl) {
        return new ProjectLifecycle(allocator, catalog, someLauncher, someControl, processes, host, clock, pause, leftovers);
    }

    ForegroundRun foregroundRun() {
        return new ForegroundRun(lifecycle(), catalog, processes, foreground);
    }

    static ProjectName name(String project) {
        return ProjectName.of(project);
    }

    static PortNumber port(int value) {
        return PortNumber.of(value);
    }

    ProjectConfig createProject(String project) {
        return catalog.create(ProjectConfig.defaults(name(project), T0));
    }

    ProjectConfig createProject(String project, int preferredPort) {
        return catalog.create(new ProjectConfig(name(project), Optional.of(port(preferredPort)), Optional.empty(),
                Optional.empty(), T0));
    }

    /** As {@code localdb start --create}: most tests start a project they did not create first. */
    StartResult start(String project) {
        return lifecycle().start(name(project), StartOptions.defaults().creatingIfMissing(), StartProgress.NONE);
    }

    Allocation entry(String project) {
        return store.read().find(name(project)).orElseThrow();
    }

    /** A server that localdb started earlier and that is still running on the project's port. */
    ProcessIdentity runningServer(String project) {
        createProject(project);
        return start(project).server();
    }

    /** Another process owns the project's port, as a server would after `localdb start`. */
    Allocation heldBy(String project, ProcessIdentity owner) {
        return allocator.allocate(new AllocationRequest(name(project), Optional.empty(), Optional.of(owner))).allocation();
    }

    /** The live processes among those the launcher started. */
    List<ProcessIdentity> liveServers() {
        return launcher.started().stream().filter(processes::isAlive).toList();
    }
}
