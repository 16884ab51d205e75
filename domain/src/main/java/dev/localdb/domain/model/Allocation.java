package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * One project's port as recorded in the registry.
 *
 * @param owner the process that serves on the port; empty for a plain reservation
 */
public record Allocation(ProjectName project, PortNumber port, AllocationState state,
                         Optional<ProcessIdentity> owner, Instant allocatedAt) {
    public Allocation {
        if (project == null || port == null || state == null || owner == null || allocatedAt == null) {
            throw new InvalidInputException("An allocation needs a project, a port, a state, an owner (or none) and a time.");
        }
        if (state == AllocationState.RELEASED && owner.isPresent()) {
            throw new InvalidInputException("Released allocation of " + project + " cannot have an owner process.");
        }
    }

    public static Allocation held(ProjectName project, PortNumber port, Optional<ProcessIdentity> owner, Instant at) {
        return new Allocation(project, port, AllocationState.HELD, owner, at);
    }

    public boolean isHeld() {
        return state == AllocationState.HELD;
    }

    /** The same port, given back but remembered. */
    public Allocation released() {
        return new Allocation(project, port, AllocationState.RELEASED, Optional.empty(), allocatedAt);
    }

    public Allocation withOwner(Optional<ProcessIdentity> newOwner) {
        return new Allocation(project, port, state, newOwner, allocatedAt);
    }
}
