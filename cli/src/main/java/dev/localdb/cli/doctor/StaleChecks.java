package dev.localdb.cli.doctor;

import dev.localdb.domain.allocation.StatusJudge;
import dev.localdb.domain.diagnostics.HealthCheck;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.ProcessInspector;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What {@code localdb ports --cleanup} would remove: stale allocations and server files of dead servers. */
final class StaleChecks {
    static final String ALLOCATIONS = "stale allocations";
    static final String SERVER_FILES = "stale server files";
    private static final String CLEANUP = "run 'localdb ports --cleanup'";
    private static final int SHOWN = 5;

    private StaleChecks() {
    }

    static HealthCheck allocations(Optional<Registry> registry, ProcessInspector inspector) {
        if (registry.isEmpty()) {
            return HealthCheck.info(ALLOCATIONS, "not checked: the registry could not be read (see above).");
        }
        StatusJudge judge = new StatusJudge(inspector);
        List<Allocation> stale = registry.get().list().stream().filter(a -> judge.statusOf(a) == AllocationStatus.STALE).toList();
        if (stale.isEmpty()) {
            return HealthCheck.ok(ALLOCATIONS, "none.");
        }
        String listed = stale.stream().limit(SHOWN).map(a -> a.project() + " " + a.port()).collect(Collectors.joining(", "));
        // Information, not a problem: a stale entry blocks nobody (the next allocation that needs
        // the port frees it), so it must not fail the run.
        return HealthCheck.info(ALLOCATIONS, stale.size() + " held by processes that are gone (" + listed
                + (stale.size() > SHOWN ? " and " + (stale.size() - SHOWN) + " more" : "") + "); " + CLEANUP
                + " to free them (the projects keep them as remembered ports).");
    }

    static HealthCheck serverFiles(List<Path> dead) {
        if (dead.isEmpty()) {
            return HealthCheck.ok(SERVER_FILES, "none.");
        }
        String projects = dead.stream().limit(SHOWN).map(file -> Printable.escaped(file.getParent().getFileName().toString()))
                .collect(Collectors.joining(", "));
        return HealthCheck.problem(SERVER_FILES, dead.size() + " server.json left by servers that are gone (" + projects
                + (dead.size() > SHOWN ? " and " + (dead.size() - SHOWN) + " more" : "") + "); " + CLEANUP + " to remove them.");
    }
}
