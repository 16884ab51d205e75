package dev.localdb.domain.project;

import dev.localdb.domain.allocation.AllocationRequest;
import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.LaunchSpec;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectConfig;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.PortProbe;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ServerControl;
import dev.localdb.domain.port.ServerLauncher;
import dev.localdb.domain.port.StartProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Allocates, launches and waits, retrying on another port when another program takes the chosen
 * one between allocation and bind. Whatever goes wrong, nothing of a failed attempt keeps running
 * and its port is released (remembered), so a failed start never leaves a held port behind.
 */
final class ServerStarter {
    static final int MAX_ATTEMPTS = 3;

    private final PortAllocator allocator;
    private final ServerLauncher launcher;
    private final ServerControl control;
    private final ProcessInspector inspector;
    private final PortProbe probe;
    private final ReadinessWait readiness;

    ServerStarter(PortAllocator allocator, ServerLauncher launcher, ServerControl control, ProcessInspector inspector,
                  PortProbe probe, ReadinessWait readiness) {
        this.allocator = allocator;
        this.launcher = launcher;
        this.control = control;
        this.inspector = inspector;
        this.probe = probe;
        this.readiness = readiness;
    }

    StartResult start(ProjectConfig config, boolean createdNow, StartOptions options, StartProgress progress) {
        List<PortNumber> taken = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            LaunchSpec spec = allocatePorts(config);
            ProcessIdentity server = launchAsOwner(spec, options);
            progress.launched(spec.port(), server, attempt);
            ReadinessWait.Result result = awaitOrStop(spec, server, options, progress);
            if (result == ReadinessWait.Result.READY) {
                return new StartResult(StartResult.Outcome.STARTED, config, spec.port(), server, createdNow, spec.namedPorts());
            }
            // Our server is gone, so a busy port (main or named) means another program bound it first.
            List<PortNumber> busy = result == ReadinessWait.Result.EXITED ? busyPorts(spec) : List.of();
            stopAndRelease(config.name(), server, options);
            if (busy.isEmpty()) {
                throw StartFailures.of(result, spec, options, lastLogLines(spec));
            }
            taken.addAll(busy);
            if (attempt == MAX_ATTEMPTS) {
                throw StartFailures.portsTaken(spec, taken, lastLogLines(spec));
            }
            for (PortNumber port : busy) {
                progress.retrying(port, "port " + port + " was taken by another program before the server could listen on it");
            }
        }
    }

    /**
     * All of the project's ports in one transaction. Until the server takes over, this process
     * owns them: if it dies, the entry turns stale.
     */
    private LaunchSpec allocatePorts(ProjectConfig config) {
        AllocationRequest request = new AllocationRequest(config.name(), config.preferredPort(), Optional.of(inspector.current()),
                config.portNames());
        Allocation held = allocator.allocate(request).allocation();
        return new LaunchSpec(config, held.port(), held.namedPorts());
    }

    private List<PortNumber> busyPorts(LaunchSpec spec) {
        List<PortNumber> busy = new ArrayList<>();
        if (!probe.isFree(spec.port())) {
            busy.add(spec.port());
        }
        spec.namedPorts().values().stream().filter(port -> !probe.isFree(port)).forEach(busy::add);
        return busy;
    }

    private ProcessIdentity launchAsOwner(LaunchSpec spec, StartOptions options) {
        ProjectName name = spec.project().name();
        ProcessIdentity starter = inspector.current();
        ProcessIdentity server;
        try {
            server = launcher.launch(spec);
        } catch (RuntimeException e) {
            afterFailure(e, () -> allocator.releaseIfOwnedBy(name, starter));
            throw e;
        }
        try {
            allocator.assignOwner(name, spec.port(), server);
        } catch (RuntimeException e) {
            afterFailure(e, () -> control.terminate(server, options.stopGrace()));
            afterFailure(e, () -> allocator.releaseIfOwnedBy(name, starter));
            throw e;
        }
        return server;
    }

    private ReadinessWait.Result awaitOrStop(LaunchSpec spec, ProcessIdentity server, StartOptions options,
                                             StartProgress progress) {
        try {
            return readiness.await(spec.port(), server, options.readyTimeout(), progress);
        } catch (RuntimeException e) {
            afterFailure(e, () -> stopAndRelease(spec.project().name(), server, options));
            throw e;
        }
    }

    private void stopAndRelease(ProjectName name, ProcessIdentity server, StartOptions options) {
        try {
            control.terminate(server, options.stopGrace());
        } finally {
            allocator.releaseIfOwnedBy(name, server);
        }
    }

    /** The log only explains the failure: if it cannot be read, the failure is still the news. */
    private List<String> lastLogLines(LaunchSpec spec) {
        try {
            return launcher.lastLogLines(spec, StartFailures.LOG_LINES);
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    /** Cleans up after a failure without letting a second failure hide the first. */
    private static void afterFailure(RuntimeException first, Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException second) {
            first.addSuppressed(second);
        }
    }
}
