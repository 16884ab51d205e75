package dev.localdb.domain.allocation;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import java.util.Objects;
import java.util.Optional;

/**
 * A project asks for its port.
 *
 * @param preferred the project's own preferred port, if it has one
 * @param owner     the process that will serve on the port; empty for a plain reservation
 */
public record AllocationRequest(ProjectName project, Optional<PortNumber> preferred, Optional<ProcessIdentity> owner) {
    public AllocationRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(preferred, "preferred");
        Objects.requireNonNull(owner, "owner");
    }

    public static AllocationRequest reservation(ProjectName project) {
        return new AllocationRequest(project, Optional.empty(), Optional.empty());
    }
}
