package dev.localdb.domain.project;

import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.AllocationResult;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.allocation.RegistryView;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.ProjectExistsException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.LeftoverServerFiles;
import dev.localdb.domain.port.PortProbe;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ProjectCatalog;
import dev.localdb.domain.port.ServerControl;
import dev.localdb.domain.port.ServerLauncher;
import dev.localdb.domain.port.StartProgress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The application service behind {@code localdb start/stop/status/run}: a project's server and
 * its port live and die together. Every registry change goes through the {@link PortAllocator}.
 */
public final class ProjectLifecycle {
    public static final Duration DEFAULT_STOP_GRACE = StartOptions.DEFAULT_STOP_GRACE;

    private final PortAllocator allocator;
    private final ProjectCatalog catalog;
    private final ProcessInspector inspector;
    private final Clock clock;
    private final ServerStarter starter;
    private final ServerStopper stopper;
    private final ProjectStatuses statuses;
    private final LeftoverServerFiles leftovers;

    public ProjectLifecycle(PortAllocator allocator, ProjectCatalog catalog, ServerLauncher launcher,
                            ServerControl control, ProcessInspector inspector, PortProbe probe, Clock clock, Pause pause,
                            LeftoverServerFiles leftovers) {
        this.allocator = allocator;
        this.leftovers = leftovers;
        this.catalog = catalog;
        this.inspector = inspector;
        this.clock = clock;
        ReadinessWait readiness = new ReadinessWait(control, inspector, clock, pause);
        this.starter = new ServerStarter(allocator, launcher, control, inspector, probe, readiness);
        this.stopper = new ServerStopper(allocator, control);
        this.statuses = new ProjectStatuses(allocator, catalog, control);
    }

    /**
     * Starts the project's server on its port and returns once it accepts connections, creating
     * the project with every default if it does not exist and the options allow it. A live
     * server is left alone.
     *
     * @throws InvalidInputException when the project does not exist and may not be created ({@link UnknownProject})
     * @throws dev.localdb.domain.error.ServerStartFailedException when the server exits or is not ready in time
     * @throws dev.localdb.domain.error.ProjectInUseException      when another process took the project meanwhile
     * @throws dev.localdb.domain.error.NoFreePortException        when no port is free
     */
    public StartResult start(ProjectName name, StartOptions options, StartProgress progress) {
        Optional<ProjectConfig> existing = catalog.find(name);
        if (existing.isEmpty() && !options.createIfMissing()) {
            throw unknown(name);
        }
        Found found = existing.map(config -> new Found(config, false)).orElseGet(() -> create(name));
        ProjectConfig config = found.config();
        boolean createdNow = found.createdNow();
        Optional<Allocation> running = statuses.entry(name)
                .filter(e -> e.status() == AllocationStatus.ACTIVE)
                .map(RegistryView.Entry::allocation);
        if (running.isPresent()) {
            return new StartResult(StartResult.Outcome.ALREADY_RUNNING, config, running.get().port(),
                    running.get().owner().orElseThrow(), createdNow, running.get().namedPorts());
        }
        return starter.start(config, createdNow, options, progress);
    }

    /**
     * Stops the project's server and releases its port (remembered for the next start).
     *
     * @throws InvalidInputException when localdb knows nothing of the project
     */
    public StopResult stop(ProjectName name, Duration grace) {
        Optional<RegistryView.Entry> entry = statuses.entry(name);
        if (entry.isEmpty() && catalog.find(name).isEmpty()) {
            throw unknown(name);
        }
        return tidied(stopper.stop(name, entry, grace));
    }

    /** A server killed before it could tidy up leaves its file behind; once it has ended, that file describes nothing. */
    private StopResult tidied(StopResult result) {
        if (result.outcome().ended()) {
            leftovers.forget(result.project());
        }
        return result;
    }

    /** Removes what servers that are gone left behind ({@code localdb ports --cleanup}); how many files. */
    public int removeLeftoverServerFiles() {
        return leftovers.removeDead(clock.instant());
    }

    /**
     * Stops every project whose port is held by a process (running or crashed), sorted by name.
     * One failure does not spare the others: it is thrown after every project was tried.
     */
    public List<StopResult> stopAll(Duration grace) {
        List<StopResult> results = new ArrayList<>();
        RuntimeException failure = null;
        for (RegistryView.Entry entry : allocator.view().entries()) {
            if (!entry.allocation().isHeld() || entry.allocation().owner().isEmpty()) {
                continue;
            }
            try {
                results.add(tidied(stopper.stop(entry.allocation().project(), Optional.of(entry), grace)));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /** Every project and every registry-only name, sorted by name. Never writes. */
    public List<ProjectStatus> statuses() {
        return statuses.all();
    }

    /** Empty when localdb knows nothing of this name. Never writes. */
    public Optional<ProjectStatus> status(ProjectName name) {
        return statuses.of(name);
    }

    /**
     * {@code localdb run}: this very process serves the port (and the project's named ports) until
     * {@link #finishForeground}. The preferred port is the one given, else the project's own (if
     * the project exists).
     */
    public AllocationResult allocateForeground(ProjectName name, Optional<PortNumber> preferred) {
        Optional<ProjectConfig> config = catalog.find(name);
        Optional<PortNumber> wanted = preferred.or(() -> config.flatMap(ProjectConfig::preferredPort));
        List<PortName> portNames = config.map(ProjectConfig::portNames).orElse(List.of());
        return allocator.allocate(new AllocationRequest(name, wanted, Optional.of(inspector.current()), portNames));
    }

    /**
     * {@code localdb port}: reserves the project's port without an owner process, kept until
     * released, together with the given named ports and every named port its registry entry has,
     * so that the project's ports stay together and sticky. The project's own preferred port
     * ({@code new --port}) counts as it does for {@code start} and {@code run}: one rule for all.
     */
    public AllocationResult reserve(ProjectName name, Collection<PortName> portNames) {
        Optional<PortNumber> preferred = catalog.find(name).flatMap(ProjectConfig::preferredPort);
        return allocator.allocate(AllocationRequest.reservation(name, preferred, portNames));
    }

    /**
     * {@code localdb port web --name api}: reserves all of the project's ports, as
     * {@link #reserve} does, once the project is known to have the wanted named port.
     *
     * @throws InvalidInputException when localdb knows no such project, or it has no port of that name
     */
    public AllocationResult reserveNamed(ProjectName name, PortName wanted) {
        ProjectConfig config = catalog.find(name).orElseThrow(() -> unknown(name));
        if (!config.portNames().contains(wanted)) {
            String known = config.portNames().isEmpty() ? "it has none"
                    : "its names are " + String.join(", ", config.portNames().stream().map(PortName::value).toList());
            throw new InvalidInputException("Project \"" + name + "\" has no port named \"" + wanted + "\" (" + known
                    + "); named ports are given with 'localdb new " + name + " --port-name NAME'.");
        }
        return reserve(name, config.portNames());
    }

    /** Releases the foreground run's port, unless another owner holds it by now. */
    public boolean finishForeground(ProjectName name, ProcessIdentity owner) {
        return allocator.releaseIfOwnedBy(name, owner);
    }

    /**
     * The one error for a name localdb knows nothing of (neither a project nor a registry entry),
     * with the closest names it does know.
     */
    public InvalidInputException unknown(ProjectName name) {
        List<ProjectName> known = new ArrayList<>();
        catalog.list().forEach(config -> known.add(config.name()));
        allocator.view().entries().forEach(entry -> known.add(entry.allocation().project()));
        return UnknownProject.of(name, known);
    }

    /** Two starts may race to create the project: the loser uses the winner's project. */
    private Found create(ProjectName name) {
        try {
            return new Found(catalog.create(ProjectConfig.defaults(name, clock.instant())), true);
        } catch (ProjectExistsException exists) {
            return new Found(catalog.find(name).orElseThrow(() -> exists), false);
        }
    }

    private record Found(ProjectConfig config, boolean createdNow) {
    }
}
