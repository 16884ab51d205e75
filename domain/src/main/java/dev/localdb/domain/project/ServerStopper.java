package dev.localdb.domain.project;

import dev.localdb.domain.allocation.PortAllocator;
import dev.localdb.domain.allocation.RegistryView;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ServerControl;
import java.time.Duration;
import java.util.Optional;

/**
 * Stops the process that holds a project's port and releases the port (the project remembers it).
 * Only the recorded owner is ever signalled, and ServerControl verifies its identity first, so a
 * PID that now belongs to another program is never touched.
 */
final class ServerStopper {
    private final PortAllocator allocator;
    private final ServerControl control;

    ServerStopper(PortAllocator allocator, ServerControl control) {
        this.allocator = allocator;
        this.control = control;
    }

    /** @param entry the project's registry entry, if it has one */
    StopResult stop(ProjectName name, Optional<RegistryView.Entry> entry, Duration grace) {
        if (entry.isEmpty()) {
            return StopResult.notRunning(name);
        }
        Allocation allocation = entry.get().allocation();
        AllocationStatus status = entry.get().status();
        Optional<ProcessIdentity> owner = allocation.owner();
        if (owner.isEmpty() || (status != AllocationStatus.ACTIVE && status != AllocationStatus.STALE)) {
            // Released, or reserved by `localdb port`: no server to stop; a reservation stays until `localdb release`.
            return new StopResult(name, StopResult.Outcome.NOT_RUNNING, Optional.of(allocation.port()), allocation.namedPorts(),
                    Optional.empty());
        }
        ServerControl.Termination termination = status == AllocationStatus.ACTIVE
                ? control.terminate(owner.get(), grace) : ServerControl.Termination.NOT_RUNNING;
        // A server that died (before or during the stop) may have left what it started running on the port.
        StopResult.Outcome outcome = termination == ServerControl.Termination.NOT_RUNNING
                ? (control.stopLeftovers(owner.get(), grace) > 0 ? StopResult.Outcome.LEFTOVERS_STOPPED : StopResult.Outcome.CRASHED)
                : outcomeOf(termination);
        if (!outcome.ended()) {
            // It still runs (or was never ours to signal): releasing its port would hand a busy port to the next project.
            return new StopResult(name, outcome, Optional.of(allocation.port()), allocation.namedPorts(), owner);
        }
        // Only this owner's hold is released: a newer owner that took over meanwhile keeps its port.
        allocator.releaseIfOwnedBy(name, owner.get());
        return new StopResult(name, outcome, Optional.of(allocation.port()), allocation.namedPorts(), owner);
    }

    private static StopResult.Outcome outcomeOf(ServerControl.Termination termination) {
        return switch (termination) {
            case STOPPED -> StopResult.Outcome.STOPPED;
            case KILLED -> StopResult.Outcome.KILLED;
            case NOT_RUNNING -> StopResult.Outcome.CRASHED; // handled above, with its leftovers
            case REFUSED -> StopResult.Outcome.REFUSED;
            case NOT_PERMITTED -> StopResult.Outcome.NOT_PERMITTED;
        };
    }
}
