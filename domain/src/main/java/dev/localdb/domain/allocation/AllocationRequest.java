package dev.localdb.domain.allocation;

import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A project asks for its port, and for its named ports if it has any.
 *
 * @param preferred         the project's own preferred port, if it has one (for the main port only)
 * @param owner             the process that will serve on the ports; empty for a plain reservation
 * @param portNames         the extra ports the project needs besides its main port; sorted, each once
 * @param keepsEveryNamedPort also every named port the project's entry has, even one it only
 *                          remembers: a reservation keeps all of the project's ports together
 */
public record AllocationRequest(ProjectName project, Optional<PortNumber> preferred, Optional<ProcessIdentity> owner,
                                List<PortName> portNames, boolean keepsEveryNamedPort) {
    public AllocationRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(preferred, "preferred");
        Objects.requireNonNull(owner, "owner");
        portNames = List.copyOf(new TreeSet<>(Objects.requireNonNull(portNames, "portNames")));
    }

    /** A request for exactly these named ports (plus any the project holds now). */
    public AllocationRequest(ProjectName project, Optional<PortNumber> preferred, Optional<ProcessIdentity> owner,
                             List<PortName> portNames) {
        this(project, preferred, owner, portNames, false);
    }

    /** A request for the main port only (plus any named port the project holds now). */
    public AllocationRequest(ProjectName project, Optional<PortNumber> preferred, Optional<ProcessIdentity> owner) {
        this(project, preferred, owner, List.of());
    }

    /** {@code localdb port}: the project's main port, with every named port its entry has. */
    public static AllocationRequest reservation(ProjectName project) {
        return reservation(project, List.of());
    }

    /** {@code localdb port}: the project's main port and these named ports, with every named port its entry has. */
    public static AllocationRequest reservation(ProjectName project, Collection<PortName> portNames) {
        return reservation(project, Optional.empty(), portNames);
    }

    /** {@code localdb port} for a project with its own preferred port ({@code new --port}). */
    public static AllocationRequest reservation(ProjectName project, Optional<PortNumber> preferred, Collection<PortName> portNames) {
        return new AllocationRequest(project, preferred, Optional.empty(), List.copyOf(portNames), true);
    }
}
